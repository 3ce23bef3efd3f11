package org.cadre.evaluation;

import jakarta.validation.constraints.NotNull;

/**
 * The competent level's decision on an appeal.
 *
 * @param level  the new level (a code of the cycle's scale) when the outcome is {@link AppealOutcome#CHANGED}
 * @param reason why (required, at most 2000 characters)
 */
public record DecideAppeal(@NotNull AppealOutcome outcome, String level, String reason) {
}
