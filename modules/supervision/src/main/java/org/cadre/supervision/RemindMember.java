package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: the secretary reminds a member (đôn đốc, nhắc nhở) about a commitment or a task, to be done by a date.
 *
 * @param commitmentItem the commitment item it is about (from a suggestion), or {@code null}
 */
public record RemindMember(@NotNull UUID memberId, @NotBlank @Size(max = 500) String about, UUID commitmentItem,
        @NotNull LocalDate remindedOn, @NotNull LocalDate dueOn) {
}
