package org.cadre.evaluation;

import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * The chapter's review list of an organization in a cycle: each member on its rolls at the year's end with their
 * self-assessed level, the engine's level, the chapter's proposal and the comments asked of other chapters.
 *
 * @param organizations the organizations of the cycle the caller may review (to choose another), in tree order
 */
public record ReviewList(UUID cycle, int year, UUID organization, String organizationName, boolean cycleOpen,
        List<Row> rows, List<Level> scale, List<Choice> organizations) {

    public ReviewList {
        rows = List.copyOf(rows);
        scale = List.copyOf(scale);
        organizations = List.copyOf(organizations);
    }

    /** How many members have no proposal of the chapter yet. */
    public long withoutProposal() {
        return rows.stream().filter(r -> r.status() != ReviewStatus.PROPOSED).count();
    }

    /** An organization to choose. */
    public record Choice(UUID id, String name) {
    }

    /**
     * One member.
     *
     * @param selfLevel   the level the member proposed, once submitted
     * @param engineLevel the engine's level in the current run ({@code null}: no run yet, excluded or pending)
     * @param rated       whether the current run holds a rating of the member (for the link to its explanation)
     * @param level       the chapter's level (proposed, or in its draft)
     * @param requests    comments asked of other chapters; {@code answered} of them answered
     */
    public record Row(UUID member, String cardNumber, String fullName, SelfAssessmentStatus selfStatus,
            String selfLevel, String engineLevel, boolean rated, ReviewStatus status, String level, int requests,
            int answered) {
    }
}
