package org.cadre.ratingrules.facts;

import java.util.List;

/**
 * Why a proposal is what it is: one effect of one rule. The rule writes the effect and the level; the engine
 * adds the rule's id, criterion and article from the rule's metadata ({@code @id}, {@code @criterion},
 * {@code @article}), so explanations cite the regulation without the rule repeating it.
 *
 * @param effect  what the rule did
 * @param level   the level the effect is about ({@code null} for an exclusion or a pending state)
 * @param note    optional free text from the rule (for example the value that triggered it)
 * @param code    set on the reasons the engine writes itself (not a rule): the message
 *                {@code ratingrules.reason.<code>} in both languages, with {@code arguments}
 */
public record Reason(Effect effect, String level, String ruleId, String criterion, String article, String note,
        String code, List<String> arguments) {

    public Reason {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public Reason(Effect effect, String level, String ruleId, String criterion, String article, String note) {
        this(effect, level, ruleId, criterion, article, note, null, List.of());
    }

    /** A reason the engine writes (no rule): its text is the message {@code ratingrules.reason.<code>}. */
    public static Reason ofEngine(Effect effect, String level, String code, Object... arguments) {
        return new Reason(effect, level, null, null, null, null, code,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** What a rule can do to a proposal. */
    public enum Effect {
        /** The subject meets the conditions of a level: the proposal is at least this level. */
        QUALIFIES,
        /** The subject may be at most this level (a disqualifier or a cap). */
        LIMITS,
        /** The subject is not classified this year (exempt, suspended, too recently admitted...). */
        EXCLUDES,
        /** The subject cannot be classified yet (a required input is missing). */
        PENDING,
        /** Information recorded with the rating, changing no level (for example eligibility for a commendation). */
        NOTES,
        /** No rule qualified the subject for any level: the engine gave the scale's lowest level, and says so. */
        UNQUALIFIED
    }

    Reason withRule(String ruleId, String criterion, String article) {
        return new Reason(effect, level, ruleId, criterion, article, note, code, arguments);
    }
}
