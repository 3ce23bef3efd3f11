package org.cadre.ratingrules;

import java.util.List;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;

/**
 * The proposal for one subject, with its explanation: every reason (effect, level, rule id, criterion, article)
 * and every rule that fired with the inputs it matched.
 *
 * @param level the proposed level code of the pack's scale; {@code null} when excluded or pending
 * @param cap   the lowest limit the rules set, or {@code null}
 */
public record SubjectRating(String subjectId, Proposal.Subject subject, String level, String cap, boolean excluded,
        boolean pending, List<Reason> reasons, List<FiredRule> firedRules) {

    public SubjectRating {
        reasons = List.copyOf(reasons);
        firedRules = List.copyOf(firedRules);
    }

    public List<String> reasonRuleIds() {
        return reasons.stream().map(Reason::ruleId).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
