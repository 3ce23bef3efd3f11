package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Command: a grassroots organization's action programme for a resolution and year. */
public record CreateProgramme(@NotNull UUID organizationId, @NotNull UUID resolutionId, int year,
        @Size(max = 500) String title) {
}
