package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** An organization was placed under another parent, effective {@code on}. */
public record OrganizationMoved(OrganizationId organization, OrganizationId from, OrganizationId to, LocalDate on)
        implements DomainEvent {
}
