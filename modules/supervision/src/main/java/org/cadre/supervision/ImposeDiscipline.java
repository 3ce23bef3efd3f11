package org.cadre.supervision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: a disciplinary decision for a member or for an organization (exactly one of the two).
 *
 * @param violation       what was violated; ignored when {@code sameViolationAs} names an earlier decision
 * @param sameViolationAs an earlier discipline for the same violation: the violation then counts once
 * @param selfDetected    the subject found the violation themselves
 * @param remedied        and remedied it
 */
public record ImposeDiscipline(UUID memberId, UUID organizationId, @NotNull DisciplineForm form,
        @NotBlank @Size(max = 100) String decision, @NotNull LocalDate decidedOn,
        @NotBlank @Size(max = 300) String issuer, @Size(max = 1000) String violation, UUID sameViolationAs,
        boolean selfDetected, boolean remedied) {
}
