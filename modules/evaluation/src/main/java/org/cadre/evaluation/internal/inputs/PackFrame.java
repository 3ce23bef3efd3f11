package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cadre.ratingrules.RulePackRegistry.Criterion;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * What a pinned pack version says about the inputs of a cycle: the member scale (civil-service ratings are codes of
 * it), the criteria with their scale, and the maximum of each score group when the regime scores.
 *
 * @param maxScoreGeneral {@code null} when the pack does not score the general group
 * @param maxScoreTask    {@code null} when the pack does not score the task-result group
 */
public record PackFrame(List<Level> memberScale, List<Criterion> criteria, List<Level> criterionScale,
        BigDecimal maxScoreGeneral, BigDecimal maxScoreTask) {

    public PackFrame {
        memberScale = List.copyOf(memberScale);
        criteria = List.copyOf(criteria);
        criterionScale = List.copyOf(criterionScale);
    }

    /** The criteria of one subject (MEMBER or ORGANIZATION). */
    public List<Criterion> criteria(String subject) {
        return criteria.stream().filter(c -> c.subject().equals(subject)).toList();
    }

    Optional<Criterion> criterion(String subject, String id) {
        return criteria(subject).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The maximum of a score group ({@link InputRules#SCORE_GENERAL}, {@link InputRules#SCORE_TASK}), if scored. */
    public Optional<BigDecimal> maxScore(String group) {
        return Optional.ofNullable(InputRules.SCORE_GENERAL.equals(group) ? maxScoreGeneral
                : InputRules.SCORE_TASK.equals(group) ? maxScoreTask : null);
    }

    public boolean scored() {
        return maxScoreGeneral != null || maxScoreTask != null;
    }
}
