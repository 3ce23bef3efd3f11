package org.cadre.organizations;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** An organization was placed in an agency (or the agency's name or head changed). */
public record AgencyAssigned(OrganizationId organization, UUID agency, String name, String headName)
        implements DomainEvent {
}
