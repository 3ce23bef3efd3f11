package org.cadre.organizations;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * Organizations and members were written in bulk (demo data, benchmark data) without one event per row.
 * Consumers rebuild their projections from the {@link Organizations} and {@link Members} facades.
 */
public record OrganizationsBulkLoaded(UUID load, int organizations, int members) implements DomainEvent {
}
