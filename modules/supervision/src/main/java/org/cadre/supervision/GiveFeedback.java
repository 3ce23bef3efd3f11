package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Command: a reviewer comments, for their body, on an organization or a member (then {@code memberId}) for a year,
 * answering a request ({@code requestId}) or not.
 */
public record GiveFeedback(UUID requestId, UUID organizationId, UUID memberId, int year, @NotNull Stance stance,
        @NotBlank @Size(max = 4000) String text) {
}
