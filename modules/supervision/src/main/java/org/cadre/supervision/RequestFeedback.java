package org.cadre.supervision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Command: the committee asks chosen coordinating bodies to comment on its subtree for a year, by a deadline. */
public record RequestFeedback(@NotNull UUID organizationId, int year, @NotNull List<@NotNull UUID> bodies,
        @NotNull LocalDate deadline, @Size(max = 1000) String note) {
}
