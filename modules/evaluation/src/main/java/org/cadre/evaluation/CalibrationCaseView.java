package org.cadre.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.facts.Proposal;

/**
 * One quota case of a cycle's current run, as the committee's staff decide it: the quota, the counts the engine
 * found, who holds the level now (the candidates) and, once decided, the decision.
 *
 * @param proposed   how many the engine proposed for the level in the group
 * @param holding    how many hold the level in the group now (after decisions of the level above); the decision is
 *                   taken on these
 * @param candidates who the committee chooses from; once decided, those who kept the level and those who moved
 * @param scale      the levels of the subject's scale in the run's pack, with their labels
 */
public record CalibrationCaseView(UUID caseId, UUID cycle, int year, UUID run, String quotaId, String group,
        String groupName, Proposal.Subject subject, String level, String demoteTo, int baseCount, int allowed,
        int proposed, int excess, int holding, String article, CalibrationStatus status, boolean cycleOpen,
        List<Candidate> candidates, Decision decision, List<Level> scale) {

    public CalibrationCaseView {
        candidates = List.copyOf(candidates);
        scale = List.copyOf(scale);
    }

    /** The label of a level of the subject's scale in a language, or the code when the scale does not have it. */
    public String label(String code, String language) {
        return scale.stream().filter(l -> l.code().equals(code)).findFirst().map(l -> l.label(language))
                .orElse(code);
    }

    /**
     * A subject the case concerns: the engine's level, the level held now, and a member's own proposal from their
     * submitted self-assessment (null when none).
     *
     * @param fromAbove whether a decision of the level above moved them into this level
     */
    public record Candidate(UUID subjectId, String name, String code, UUID organizationId, String organizationName,
            String engineLevel, String level, String selfAssessed, String chapterProposed, boolean fromAbove,
            boolean kept, boolean movedDown) {
    }

    /** What the committee decided: votes are null when it did not vote. */
    public record Decision(List<UUID> keepers, List<UUID> movedDown, String reason, Integer votesFor,
            Integer votesAgainst, Integer votesAbstain, String decidedBy, Instant decidedAt) {

        public Decision {
            keepers = List.copyOf(keepers);
            movedDown = List.copyOf(movedDown);
        }
    }
}
