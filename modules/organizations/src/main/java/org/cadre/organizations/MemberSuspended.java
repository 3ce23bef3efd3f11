package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** A member was suspended (đình chỉ sinh hoạt), effective {@code on}. */
public record MemberSuspended(MemberId member, OrganizationId organization, LocalDate on, String reason)
        implements DomainEvent {
}
