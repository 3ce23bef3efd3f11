package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A member took a role in an organization from {@code from}. */
public record RoleAssigned(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.role-assigned", member.value(), organization.value(), role, from);
    }
}
