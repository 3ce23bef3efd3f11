package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A member's role in an organization ended on {@code on} (exclusive). */
public record RoleEnded(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate on) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.role-ended", member.value(), organization.value(), role, on);
    }
}
