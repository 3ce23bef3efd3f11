package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** A member took a role in an organization from {@code from}. */
public record RoleAssigned(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from) implements DomainEvent {
}
