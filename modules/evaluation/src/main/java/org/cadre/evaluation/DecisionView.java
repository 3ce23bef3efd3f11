package org.cadre.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * One list of the competent level with its subjects: for each, the engine's level, the proposal after calibration,
 * the level the member proposed in their self-assessment (members only), the level decided and, where it departs
 * from the proposal, the reason.
 *
 * @param openCases  quota cases of the list's group still waiting for the committee (signing waits for them)
 * @param scale      the levels of the pinned pack's scale for the list's kind, highest first
 */
public record DecisionView(DecisionSummary summary, int year, boolean cycleOpen, int openCases, List<Item> items,
        List<Level> scale) {

    public DecisionView {
        items = List.copyOf(items);
        scale = List.copyOf(scale);
    }

    public UUID id() {
        return summary.id();
    }

    public boolean signed() {
        return summary.status() == DecisionStatus.SIGNED;
    }

    public boolean editable() {
        return cycleOpen && !signed() && summary.mayDecide();
    }

    /** The label of a level in a language (the code when the scale does not have it). */
    public String label(String code, String language) {
        if (code == null) {
            return "";
        }
        return scale.stream().filter(l -> l.code().equals(code)).findFirst().map(l -> l.label(language))
                .orElse(code);
    }

    /**
     * A subject of the list.
     *
     * @param code            the member's card number, or the organization's code
     * @param organizationName the member's chapter, or the organization's parent
     * @param excluded        excluded from rating (or pending), so proposed without a level
     * @param chapterLevel    the level the member's chapter proposed in its review (proposed ones only, not drafts;
     *                        members only)
     * @param chapterReasoned whether the chapter wrote a reason for its proposal (the text is on the review page)
     * @param chapterDisagrees whether the chapter proposed a level other than the proposal after calibration: the
     *                        competent level decides against one of them and should see it (always computed here, so
     *                        that the JSON carries it too)
     */
    public record Item(UUID subject, String code, String name, String organizationName, String engineLevel,
            String proposedLevel, String selfLevel, String level, String reason, boolean excluded,
            String chapterLevel, boolean chapterReasoned, boolean chapterDisagrees) {

        public Item {
            chapterDisagrees = chapterLevel != null && !chapterLevel.equals(proposedLevel);
        }

        public Item(UUID subject, String code, String name, String organizationName, String engineLevel,
                String proposedLevel, String selfLevel, String level, String reason, boolean excluded,
                String chapterLevel, boolean chapterReasoned) {
            this(subject, code, name, organizationName, engineLevel, proposedLevel, selfLevel, level, reason,
                    excluded, chapterLevel, chapterReasoned, false);
        }

        public boolean departs() {
            return !Objects.equals(level, proposedLevel);
        }
    }
}
