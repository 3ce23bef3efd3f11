package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;

/** A study campaign: a resolution studied and committed to in a year, over an organization's subtree. */
public record CampaignView(UUID id, UUID resolutionId, String resolutionNumber, String resolutionTitle,
        OrganizationId organization, int year, LocalDate opensOn, LocalDate studyBy) {

    public String label() {
        return resolutionNumber + " (" + year + ")";
    }
}
