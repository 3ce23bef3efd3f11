package org.cadre.ratingrules;

import java.util.List;

/**
 * A rule that fired for a subject, from the rule's metadata, with the subjects whose facts it matched (the inputs
 * it used: the subject itself, and peers when a rule compares them) and the values it read: the properties of the
 * subject's facts its conditions test and the parameters it asks for, as text ({@code score=85},
 * {@code excellentMinScore=90}).
 */
public record FiredRule(String ruleId, String ruleName, String criterion, String article, List<String> inputs,
        java.util.Map<String, String> values) {

    public FiredRule {
        inputs = List.copyOf(inputs);
        values = values == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(values));
    }
}
