package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: a study campaign of a resolution for a year, over an organization's subtree (the bloc, usually). The
 * members on the rolls and active on {@code opensOn} must study and register; organizations' events keep that list
 * current.
 */
public record OpenCampaign(@NotNull UUID resolutionId, @NotNull UUID organizationId, @NotNull LocalDate opensOn,
        @NotNull LocalDate studyBy) {
}
