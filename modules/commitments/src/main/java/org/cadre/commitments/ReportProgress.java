package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: progress of one item, 0 to 100 percent, with evidence as text; a file goes beside it
 * ({@link AttachedFile}).
 */
public record ReportProgress(@NotNull UUID itemId, int percent, @Size(max = 1000) String evidence,
        @NotNull LocalDate on) {
}
