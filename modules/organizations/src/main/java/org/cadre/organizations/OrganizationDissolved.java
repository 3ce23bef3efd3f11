package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** An organization was dissolved, effective {@code on}; it keeps its history. */
public record OrganizationDissolved(OrganizationId organization, LocalDate on) implements DomainEvent {
}
