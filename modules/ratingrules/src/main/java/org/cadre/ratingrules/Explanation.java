package org.cadre.ratingrules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.context.MessageSource;

/**
 * A rating as a member reads it (on the rule pages' scenario results and evaluation's "why this rating"), in the reader's language: the level's label, the reason that decided it (marked),
 * each other reason in words, the values the rule read and the article it cites. Rule text (criterion, note,
 * article) is the committee's own, in Vietnamese; what the engine says is translated.
 *
 * @param outcome  the level's label and code, or "not classified" / "not yet classified"
 * @param reasons  the decisive reason first, then the others in the order the rules gave them
 */
public record Explanation(String subjectId, String outcome, String status, List<Line> reasons) {

    /** One reason: what it did, the criterion, the rule's note, the values read, the article. */
    public record Line(boolean decisive, String effect, String criterion, String note, String values,
            String article, String ruleId) {
    }

    /** The label of a level code of a subject's scale in a language ({@code vi}, {@code en}). */
    @FunctionalInterface
    public interface Labels {
        String label(Proposal.Subject subject, String code, String language);
    }

    /** The explanation of one rating, with the labels of the pack's scales. */
    public static Explanation of(SubjectRating rating, Labels run, MessageSource messages, Locale locale) {
        String language = locale.getLanguage().equals("en") ? "en" : "vi";
        String status = rating.excluded() ? "excluded" : rating.pending() ? "pending" : "rated";
        String outcome = switch (status) {
            case "excluded" -> messages.getMessage("ratingrules.explain.excluded", null, locale);
            case "pending" -> messages.getMessage("ratingrules.explain.pending", null, locale);
            default -> rating.label(language) + " (" + rating.level() + ")";
        };
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (FiredRule fired : rating.firedRules()) {
            values.putIfAbsent(fired.ruleId(), fired.values());
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rating.reasons().size(); i++) {
            Reason reason = rating.reasons().get(i);
            String level = reason.level() == null ? "" : run.label(rating.subject(), reason.level(),
                    language) + " (" + reason.level() + ")";
            String effect = messages.getMessage("ratingrules.effect." + reason.effect().name(), new Object[] {level},
                    locale);
            String note = reason.code() != null
                    ? messages.getMessage("ratingrules.reason." + reason.code(), reason.arguments().toArray(),
                            reason.code(), locale)
                    : reason.note();
            Map<String, String> read = reason.ruleId() == null ? Map.of()
                    : values.getOrDefault(reason.ruleId(), Map.of());
            String shown = read.isEmpty() ? null : String.join("; ", read.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).toList());
            Line line = new Line(i == rating.decisive(), effect, reason.criterion(), note, shown, reason.article(),
                    reason.ruleId());
            if (line.decisive()) {
                lines.add(0, line);
            } else {
                lines.add(line);
            }
        }
        return new Explanation(rating.subjectId(), outcome, status, lines);
    }
}
