package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An organization took a new name, effective {@code on}. */
public record OrganizationRenamed(OrganizationId organization, String name, LocalDate on) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.organization-renamed", organization.value(), organization.value(), name, on);
    }
}
