package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Command body of a change that only needs a date and, sometimes, a reason (dissolve, confirm, exempt, ...).
 *
 * @param decision the number of the decision behind a disciplinary change (suspension): required there, with the
 *                 reason
 */
public record DatedChange(@NotNull LocalDate on, @Size(max = 300) String reason, @Size(max = 100) String decision) {

    public DatedChange(LocalDate on, String reason) {
        this(on, reason, null);
    }
}
