package org.cadre.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.evaluation.StoredRating;
import org.cadre.ratingrules.Explanation;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.context.MessageSource;

/**
 * "Why this rating": the explanation's lines (the decisive reason first, each rule in words with its article and the
 * values it read) and, where the rules allow it, what would have changed the outcome: a rule that qualified the
 * subject for a higher level and a limit that held it lower, so without that limit the level would have been the
 * higher one.
 */
record WhyView(StoredRating stored, Explanation explanation, List<String> couldHaveBeen) {

    static WhyView of(StoredRating stored, RulePackRegistry registry, MessageSource messages, Locale locale) {
        Map<String, List<RulePackRegistry.Level>> scales = registry.scales(stored.packId(), stored.packVersion());
        Explanation.Labels labels = (subject, code, language) -> scales.getOrDefault(subject.name(), List.of())
                .stream().filter(l -> l.code().equals(code)).findFirst().map(l -> l.label(language)).orElse(code);
        SubjectRating rating = stored.rating();
        Explanation explanation = Explanation.of(rating, labels, Explanation.parameterLabels(
                registry.parameters(stored.packId(), stored.packVersion()), locale), messages, locale);
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        return new WhyView(stored, explanation, couldHaveBeen(rating, scales.getOrDefault(rating.subject().name(),
                List.of()), labels, language, messages, locale));
    }

    /**
     * The limits that held a subject below a level the rules qualified it for: removing one of them (the fact it
     * tested) would have raised the level to what the qualifying rules gave, as far as the other limits allow.
     */
    private static List<String> couldHaveBeen(SubjectRating rating, List<RulePackRegistry.Level> scale,
            Explanation.Labels labels, String language, MessageSource messages, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (rating.level() == null || scale.isEmpty()) {
            return lines;
        }
        List<String> order = scale.stream().map(RulePackRegistry.Level::code).toList(); // highest first
        int given = order.indexOf(rating.level());
        String best = rating.reasons().stream().filter(r -> r.effect() == Reason.Effect.QUALIFIES)
                .map(Reason::level).filter(order::contains).min((a, b) -> order.indexOf(a) - order.indexOf(b))
                .orElse(null);
        if (best == null || order.indexOf(best) >= given) {
            return lines;
        }
        List<Reason> limits = rating.reasons().stream().filter(r -> r.effect() == Reason.Effect.LIMITS
                && r.level() != null && order.indexOf(r.level()) >= given).toList();
        for (Reason limit : limits) {
            // the other limits still hold: the level would rise to the best qualified one they allow
            int ceiling = rating.reasons().stream().filter(r -> r.effect() == Reason.Effect.LIMITS && r != limit
                    && r.level() != null && order.contains(r.level())).mapToInt(r -> order.indexOf(r.level()))
                    .max().orElse(0);
            int reached = Math.max(order.indexOf(best), ceiling);
            if (reached >= given) {
                continue;
            }
            String level = labels.label(rating.subject(), order.get(reached), language) + " (" + order.get(reached)
                    + ")";
            String rule = limit.criterion() != null ? limit.criterion() : limit.ruleId();
            lines.add(messages.getMessage("evaluation.why.without", new Object[] {rule,
                    limit.article() == null ? "" : limit.article(), level}, locale));
        }
        return lines;
    }

    boolean member() {
        return stored.subject() == Proposal.Subject.MEMBER;
    }
}
