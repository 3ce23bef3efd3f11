package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command body of a change that only needs a date and, sometimes, a reason (dissolve, confirm, exempt, ...). */
public record DatedChange(@NotNull LocalDate on, @Size(max = 300) String reason) {
}
