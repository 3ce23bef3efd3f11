package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;

/** One entry of an organization's regulation-review log. */
public record ReviewView(UUID id, OrganizationId organization, int year, String title, RegulationKind kind,
        ReviewDecision decision, LocalDate reviewedOn, String note) {
}
