package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** A member's personal data was corrected (the national ID is left out: other modules do not keep it). */
public record MemberDetailsCorrected(MemberId member, String fullName, LocalDate bornOn, Sex sex,
        boolean civilServant, String position) implements DomainEvent {
}
