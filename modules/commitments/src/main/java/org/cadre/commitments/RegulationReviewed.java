package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** A regulation, rule or internal rule of the organization's agency was reviewed, with the decision. */
public record RegulationReviewed(UUID review, OrganizationId organization, int year, LocalDate reviewedOn,
        org.cadre.commitments.RegulationKind kind, org.cadre.commitments.ReviewDecision decision, String title)
        implements DomainEvent {
}
