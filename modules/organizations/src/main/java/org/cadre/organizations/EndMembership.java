package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Command: a member leaves the rolls: left, removed (expelled) or deceased, with a reason.
 *
 * @param decision the number of the decision that took the member off the rolls: required, with the reason, for
 *                 {@link MemberStatus#LEFT} and {@link MemberStatus#REMOVED}
 */
public record EndMembership(@NotNull MemberStatus how, @NotNull LocalDate on, @Size(max = 300) String reason,
        @Size(max = 100) String decision) {

    public EndMembership(MemberStatus how, LocalDate on, String reason) {
        this(how, on, reason, null);
    }
}
