package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: a member leaves the rolls: left, removed (expelled) or deceased, with a reason. */
public record EndMembership(@NotNull MemberStatus how, @NotNull LocalDate on, @Size(max = 300) String reason) {
}
