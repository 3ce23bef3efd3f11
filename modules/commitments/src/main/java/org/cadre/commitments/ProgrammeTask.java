package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One task of an action programme: what, who is responsible, by when (within the programme's year). */
public record ProgrammeTask(@Size(max = 1000) String task, @Size(max = 200) String responsible,
        @NotNull LocalDate deadline) {
}
