package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** A role recorded by mistake was cancelled: the member never held it (from {@code from}). */
public record RoleCancelled(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from, String reason) implements DomainEvent {
}
