package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member was suspended (đình chỉ sinh hoạt), effective {@code on}.
 *
 * @param decision the number of the decision (added; absent from publications stored before it)
 */
public record MemberSuspended(MemberId member, OrganizationId organization, LocalDate on, String reason,
        String decision) implements DomainEvent {

    public MemberSuspended(MemberId member, OrganizationId organization, LocalDate on, String reason) {
        this(member, organization, on, reason, null);
    }
}
