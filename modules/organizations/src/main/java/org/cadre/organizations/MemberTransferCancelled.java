package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A transfer recorded by mistake was cancelled: the member never went from {@code from} to {@code to} on
 * {@code on}; they are on the rolls of {@code from} again, with the roles the transfer had ended.
 */
public record MemberTransferCancelled(MemberId member, OrganizationId from, OrganizationId to, LocalDate on,
        String reason) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-transfer-cancelled", member.value(),
                from == null ? null : from.value(), on, reason);
    }
}
