package org.cadre.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Command: a chapter held a meeting. The attendance lists members of the chapter on the date, each once.
 *
 * @param commitmentsReviewed which commitments were reviewed (free text)
 */
public record RecordMeeting(@NotNull UUID organizationId, @NotNull MeetingKind kind, @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 500) String agenda, @Size(max = 20000) String minutes,
        @Size(max = 5000) String resolutions, @Size(max = 5000) String commitmentsReviewed,
        @NotNull List<@Valid @NotNull AttendanceEntry> attendance) {
}
