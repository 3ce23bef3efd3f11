package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: an inspection or supervision of an organization, or of a member (then {@code memberId}; the
 * organization is the member's), for a period, by a team.
 */
public record OpenInspection(@NotNull InspectionKind kind, @NotNull InspectionPlan plan, UUID organizationId,
        UUID memberId, @NotBlank @Size(max = 500) String title, @Size(max = 1000) String team,
        @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @NotNull LocalDate openedOn) {
}
