package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An organization was dissolved, effective {@code on}; it keeps its history. */
public record OrganizationDissolved(OrganizationId organization, LocalDate on) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.organization-dissolved", organization.value(), organization.value(), on);
    }
}
