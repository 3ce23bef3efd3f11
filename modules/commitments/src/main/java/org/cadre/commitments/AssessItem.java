package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: the chapter's assessment of an item at year end: fulfilled (and whether the target was exceeded) or
 * missed.
 */
public record AssessItem(@NotNull UUID itemId, boolean fulfilled, boolean exceeded,
        @Size(max = 1000) String assessment, @NotNull LocalDate on) {
}
