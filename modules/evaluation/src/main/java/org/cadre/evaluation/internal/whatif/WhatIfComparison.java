package org.cadre.evaluation.internal.whatif;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Proposal;

/**
 * A cycle's current results beside what another pack version gives on the same stored facts.
 *
 * @param runPackId      the pack of the current run (the results compared against)
 * @param runPackVersion its version
 * @param before         per subject, the count per outcome of the current run: a level code, {@code EXCLUDED} or
 *                       {@code PENDING}
 * @param after          the same with {@code packId} version {@code version}
 * @param changes        the subjects whose outcome differs, members first, by name
 * @param millis         how long reading and rating took
 */
public record WhatIfComparison(UUID cycle, int year, UUID run, String runPackId, int runPackVersion, String packId,
        int version, Map<Proposal.Subject, Map<String, Integer>> before,
        Map<Proposal.Subject, Map<String, Integer>> after, List<Change> changes, long millis) {

    public WhatIfComparison {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
        changes = List.copyOf(changes);
    }

    /** Outcome key for counts and comparison: the level, or {@code EXCLUDED}, {@code PENDING}. */
    public static String outcome(SubjectRating rating) {
        return outcome(rating.level(), rating.excluded(), rating.pending());
    }

    static String outcome(String level, boolean excluded, boolean pending) {
        return excluded ? "EXCLUDED" : pending ? "PENDING" : level;
    }

    /**
     * A subject whose outcome changes, with both explanations.
     *
     * @param organization the member's chapter or the organization's parent
     */
    public record Change(Proposal.Subject subject, UUID subjectId, String name, String code, UUID organization,
            SubjectRating before, SubjectRating after) {

        public String beforeOutcome() {
            return outcome(before);
        }

        public String afterOutcome() {
            return outcome(after);
        }
    }
}
