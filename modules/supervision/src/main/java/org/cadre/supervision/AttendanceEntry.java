package org.cadre.supervision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** One member's attendance, as the secretary records it; the reason of an excused absence. */
public record AttendanceEntry(@NotNull UUID memberId, @NotNull Attendance attendance, @Size(max = 300) String reason) {
}
