package org.cadre.ratingrules;

import java.util.List;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;

/**
 * The proposal for one subject, with its explanation: every reason (effect, level, rule id, criterion, article),
 * which of them decided the outcome, and every rule that fired with the inputs and values it read.
 *
 * @param level       the proposed level code of the subject's scale; {@code null} when excluded or pending
 * @param levelLabel  the level's label by language ({@code vi}, {@code en}); empty when there is no level
 * @param cap         the lowest limit the rules set, or {@code null}
 * @param decisive    the index in {@code reasons} of the reason that decided the outcome, or -1
 */
public record SubjectRating(String subjectId, Proposal.Subject subject, String level,
        java.util.Map<String, String> levelLabel, String cap, boolean excluded, boolean pending, List<Reason> reasons,
        int decisive, List<FiredRule> firedRules) {

    public SubjectRating {
        levelLabel = levelLabel == null ? java.util.Map.of() : java.util.Map.copyOf(levelLabel);
        reasons = List.copyOf(reasons);
        firedRules = List.copyOf(firedRules);
    }

    /** The reason that decided the outcome, if any. */
    public java.util.Optional<Reason> decisiveReason() {
        return decisive < 0 || decisive >= reasons.size() ? java.util.Optional.empty()
                : java.util.Optional.of(reasons.get(decisive));
    }

    /** The level's label in a language, falling back to Vietnamese and then to the code. */
    public String label(String language) {
        return level == null ? null : levelLabel.getOrDefault(language, levelLabel.getOrDefault("vi", level));
    }

    public List<String> reasonRuleIds() {
        return reasons.stream().map(Reason::ruleId).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
