package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A party organization was registered in the tree.
 *
 * @param organization the new organization
 * @param parent       the organization above it, or {@code null} for the top of the tree
 */
public record OrganizationRegistered(
        OrganizationId organization, OrganizationId parent, String code, String name, OrganizationKind kind,
        LocalDate establishedOn) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.organization-registered", organization.value(), organization.value(),
                code, name, kind, establishedOn);
    }
}
