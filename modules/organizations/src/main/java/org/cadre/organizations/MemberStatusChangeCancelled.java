package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A status change recorded by mistake was cancelled: the member is in {@code restored} again, as before
 * {@code on}. When the cancelled status took the member off the rolls, they are back on the rolls of
 * {@code organization}, with the roles that change had ended.
 */
public record MemberStatusChangeCancelled(MemberId member, OrganizationId organization, MemberStatus cancelled,
        MemberStatus restored, LocalDate on, String reason) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-status-change-cancelled", member.value(), organization.value(),
                cancelled, restored, on, reason);
    }
}
