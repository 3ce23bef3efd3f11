package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: the conclusion of an inspection or supervision. */
public record ConcludeInspection(@NotNull LocalDate on, @NotBlank @Size(max = 20000) String conclusion) {
}
