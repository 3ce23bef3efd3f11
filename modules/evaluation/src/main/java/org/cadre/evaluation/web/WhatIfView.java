package org.cadre.evaluation.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cadre.evaluation.internal.whatif.WhatIfComparison;
import org.cadre.ratingrules.Explanation;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.context.MessageSource;

/**
 * A what-if as its page reads it: per subject the count of each level before and after (the levels of both
 * versions' scales, then not classified and pending), and each changed subject with its two outcomes in words and
 * both explanations, each in the labels of the version that gave it (as "why this rating" shows one).
 */
record WhatIfView(WhatIfComparison comparison, List<CountTable> counts, List<ChangeView> changes) {

    /**
     * Changed subjects the page lists with their explanations: a broad change (raising the demo's minimum commitment
     * share to 90 % changes 1,140 of 2,715) would make a page of megabytes; the API lists them all.
     */
    static final int PAGE_LIMIT = 200;

    record CountRow(String label, int before, int after) {

        public boolean changed() {
            return before != after;
        }
    }

    record CountTable(Proposal.Subject subject, List<CountRow> rows, int total) {
    }

    record ChangeView(WhatIfComparison.Change change, String before, String after, Explanation beforeExplanation,
            Explanation afterExplanation) {

        public boolean member() {
            return change.subject() == Proposal.Subject.MEMBER;
        }
    }

    static WhatIfView of(WhatIfComparison comparison, RulePackRegistry registry, MessageSource messages,
            Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        Map<String, List<RulePackRegistry.Level>> runScales = registry.scales(comparison.runPackId(),
                comparison.runPackVersion());
        Map<String, List<RulePackRegistry.Level>> newScales = registry.scales(comparison.packId(),
                comparison.version());
        Explanation.Labels runLabels = labels(runScales);
        Explanation.Labels newLabels = labels(newScales);

        List<CountTable> counts = new ArrayList<>();
        for (Proposal.Subject subject : Proposal.Subject.values()) {
            Map<String, Integer> before = comparison.before().getOrDefault(subject, Map.of());
            Map<String, Integer> after = comparison.after().getOrDefault(subject, Map.of());
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            Set<String> outcomes = new LinkedHashSet<>();
            runScales.getOrDefault(subject.name(), List.of()).forEach(l -> outcomes.add(l.code()));
            newScales.getOrDefault(subject.name(), List.of()).forEach(l -> outcomes.add(l.code()));
            outcomes.addAll(before.keySet()); // a level no scale names still shows
            outcomes.addAll(after.keySet());
            outcomes.remove("EXCLUDED");
            outcomes.remove("PENDING");
            outcomes.add("EXCLUDED");
            outcomes.add("PENDING");
            List<CountRow> rows = new ArrayList<>();
            for (String outcome : outcomes) {
                Explanation.Labels labels = runScales.getOrDefault(subject.name(), List.of()).stream()
                        .anyMatch(l -> l.code().equals(outcome)) ? runLabels : newLabels;
                rows.add(new CountRow(label(subject, outcome, labels, language, messages, locale),
                        before.getOrDefault(outcome, 0), after.getOrDefault(outcome, 0)));
            }
            counts.add(new CountTable(subject, rows, before.values().stream().mapToInt(Integer::intValue).sum()));
        }

        List<ChangeView> changes = new ArrayList<>();
        for (WhatIfComparison.Change change : comparison.changes().stream().limit(PAGE_LIMIT).toList()) {
            changes.add(new ChangeView(change,
                    label(change.subject(), change.beforeOutcome(), runLabels, language, messages, locale),
                    label(change.subject(), change.afterOutcome(), newLabels, language, messages, locale),
                    explain(change.before(), runLabels, registry, comparison.runPackId(),
                            comparison.runPackVersion(), messages, locale),
                    explain(change.after(), newLabels, registry, comparison.packId(), comparison.version(), messages,
                            locale)));
        }
        return new WhatIfView(comparison, counts, changes);
    }

    /** More subjects change than the page lists. */
    public boolean truncated() {
        return comparison.changes().size() > changes.size();
    }

    private static Explanation explain(SubjectRating rating, Explanation.Labels labels, RulePackRegistry registry,
            String packId, int version, MessageSource messages, Locale locale) {
        return Explanation.of(rating, labels, Explanation.parameterLabels(registry.parameters(packId, version),
                locale), messages, locale);
    }

    private static Explanation.Labels labels(Map<String, List<RulePackRegistry.Level>> scales) {
        return (subject, code, language) -> scales.getOrDefault(subject.name(), List.of()).stream()
                .filter(l -> l.code().equals(code)).findFirst().map(l -> l.label(language)).orElse(code);
    }

    private static String label(Proposal.Subject subject, String outcome, Explanation.Labels labels,
            String language, MessageSource messages, Locale locale) {
        return switch (outcome) {
            case "EXCLUDED" -> messages.getMessage("evaluation.cycle.excluded", null, locale);
            case "PENDING" -> messages.getMessage("evaluation.cycle.pending", null, locale);
            default -> labels.label(subject, outcome, language) + " (" + outcome + ")";
        };
    }
}
