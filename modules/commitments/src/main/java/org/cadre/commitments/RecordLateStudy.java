package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Command: a member who missed the sessions studied later; the note says how (required). */
public record RecordLateStudy(@NotNull UUID campaignId, @NotNull UUID memberId, @NotNull LocalDate on,
        @Size(max = 500) String note) {
}
