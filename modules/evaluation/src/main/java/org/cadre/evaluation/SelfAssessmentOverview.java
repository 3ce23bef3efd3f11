package org.cadre.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * The self-assessments of an organization's members in a cycle, for its secretary: who has submitted, with the level
 * they propose, and who has not. A draft's content stays the member's until they submit it.
 */
public record SelfAssessmentOverview(UUID cycle, int year, UUID organization, String organizationName,
        LocalDate deadline, boolean cycleOpen, List<Row> rows, List<Level> scale) {

    public SelfAssessmentOverview {
        rows = List.copyOf(rows);
        scale = List.copyOf(scale);
    }

    public long count(SelfAssessmentStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /**
     * One member on the rolls at the year's end.
     *
     * @param level the proposed level's code, once submitted ({@code null} before)
     */
    public record Row(UUID member, String cardNumber, String fullName, String organizationName,
            SelfAssessmentStatus status, String level, Instant submittedAt, Instant remindedAt) {
    }
}
