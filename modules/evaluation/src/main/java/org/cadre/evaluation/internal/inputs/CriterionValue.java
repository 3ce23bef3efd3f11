package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;

/**
 * A criterion's entry for a member or an organization: a level of the pack's criterion scale (its code, or its label
 * as typed) or a score. Neither one removes the entry.
 */
public record CriterionValue(String criterion, String level, BigDecimal score) {

    boolean empty() {
        return (level == null || level.isBlank()) && score == null;
    }
}
