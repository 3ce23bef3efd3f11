package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member was suspended (đình chỉ sinh hoạt), effective {@code on}.
 *
 * @param decision the number of the decision (added; absent from publications stored before it)
 */
public record MemberSuspended(MemberId member, OrganizationId organization, LocalDate on, String reason,
        String decision) implements DomainEvent, Audited {

    public MemberSuspended(MemberId member, OrganizationId organization, LocalDate on, String reason) {
        this(member, organization, on, reason, null);
    }

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-suspended", member.value(), organization.value(),
                on, reason, decision);
    }
}
