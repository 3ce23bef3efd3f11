package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: a finding, and for a shortcoming or a violation the remedy required and its deadline (both or neither). */
public record RecordFinding(@NotNull FindingNature nature, @NotNull Severity severity,
        @NotBlank @Size(max = 2000) String text, @NotNull LocalDate recordedOn, @Size(max = 1000) String remedy,
        LocalDate remedyDue) {
}
