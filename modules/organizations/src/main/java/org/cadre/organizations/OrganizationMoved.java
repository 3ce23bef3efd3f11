package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An organization was placed under another parent, effective {@code on}. */
public record OrganizationMoved(OrganizationId organization, OrganizationId from, OrganizationId to, LocalDate on)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.organization-moved", organization.value(), organization.value(),
                from == null ? null : from.value(), to.value(), on);
    }
}
