package org.cadre.ratingrules;

import java.util.List;

/**
 * A rule that fired for a subject, from the rule's metadata, with the subjects whose facts it matched (the inputs
 * it used: the subject itself, and peers when a rule compares them).
 */
public record FiredRule(String ruleId, String ruleName, String criterion, String article, List<String> inputs) {

    public FiredRule {
        inputs = List.copyOf(inputs);
    }
}
