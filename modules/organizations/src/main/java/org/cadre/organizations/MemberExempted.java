package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** A member was exempted from activities (miễn sinh hoạt), effective {@code on}. */
public record MemberExempted(MemberId member, OrganizationId organization, LocalDate on, String reason)
        implements DomainEvent {
}
