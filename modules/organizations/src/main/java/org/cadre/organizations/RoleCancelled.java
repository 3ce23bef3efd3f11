package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A role recorded by mistake was cancelled: the member never held it (from {@code from}). */
public record RoleCancelled(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from, String reason) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.role-cancelled", member.value(), organization.value(), role, from, reason);
    }
}
