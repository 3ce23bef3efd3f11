package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: the remedy a finding required was carried out on a date. */
public record ResolveFinding(@NotNull LocalDate on, @NotBlank @Size(max = 1000) String note) {
}
