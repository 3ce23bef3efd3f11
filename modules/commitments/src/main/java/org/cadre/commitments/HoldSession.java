package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Command: an organization held a study session on a date; these members attended. */
public record HoldSession(@NotNull UUID campaignId, @NotNull UUID organizationId, @NotNull LocalDate heldOn,
        @Size(max = 300) String topic, @NotNull List<UUID> attendees) {
}
