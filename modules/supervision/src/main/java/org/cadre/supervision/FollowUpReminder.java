package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: what came of a reminder, on a date: done or not, with a note. */
public record FollowUpReminder(@NotNull LocalDate on, boolean done, @NotBlank @Size(max = 500) String note) {
}
