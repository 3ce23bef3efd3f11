package org.cadre.organizations;

import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * Organizations and members were written in bulk (demo data, benchmark data) without one event per row.
 * Consumers rebuild their projections from the {@link Organizations} and {@link Members} facades.
 */
public record OrganizationsBulkLoaded(UUID load, int organizations, int members) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.bulk-loaded", load, null, organizations, members);
    }
}
