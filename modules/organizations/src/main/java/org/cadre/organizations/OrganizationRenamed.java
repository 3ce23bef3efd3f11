package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** An organization took a new name, effective {@code on}. */
public record OrganizationRenamed(OrganizationId organization, String name, LocalDate on) implements DomainEvent {
}
