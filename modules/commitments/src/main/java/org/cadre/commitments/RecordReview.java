package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Command: a regulation, rule or internal rule of the agency was reviewed, with the decision. */
public record RecordReview(@NotNull UUID organizationId, @Size(max = 500) String title,
        @NotNull RegulationKind kind, @NotNull ReviewDecision decision, @NotNull LocalDate reviewedOn,
        @Size(max = 1000) String note) {
}
