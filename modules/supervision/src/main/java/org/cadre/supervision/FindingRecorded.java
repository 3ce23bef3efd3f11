package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * A finding of an inspection or supervision. It is open (counts in {@code findingsOpen}) while a remedy is
 * required ({@code remedyDue} not null) and not resolved.
 */
public record FindingRecorded(UUID finding, UUID inspection, OrganizationId organization, MemberId member,
        FindingNature nature, Severity severity, LocalDate recordedOn, LocalDate remedyDue) implements DomainEvent {
}
