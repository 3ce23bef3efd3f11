package org.cadre.ratingrules.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cadre.ratingrules.ScenarioOutcome;

/**
 * The scenario table of a version: failed scenarios first, and within a scenario its failed expectations first;
 * each outcome and mismatch in the reader's language.
 *
 * @param scenarioFirst the first row of its scenario (the scenario's name and links are shown there)
 */
record ScenarioRows(String file, String scenario, boolean scenarioFirst, boolean scenarioPassed, String subject,
        String expected, String actual, String reasons, boolean passed, List<String> problems, String error) {

    static List<ScenarioRows> of(List<ScenarioOutcome> outcomes, Wording wording) {
        List<ScenarioRows> rows = new ArrayList<>();
        outcomes.stream().sorted(Comparator.comparing(ScenarioOutcome::passed)).forEach(outcome -> {
            if (outcome.error() != null) {
                rows.add(new ScenarioRows(outcome.file(), outcome.name(), true, false, "", "", "", "", false,
                        List.of(outcome.error()), outcome.error()));
            }
            boolean first = outcome.error() == null;
            for (ScenarioOutcome.Expectation e : outcome.expectations().stream()
                    .sorted(Comparator.comparing(ScenarioOutcome.Expectation::passed)).toList()) {
                rows.add(new ScenarioRows(outcome.file(), outcome.name(), first, outcome.passed(), e.subject(),
                        wording.expected(e), wording.actual(e), String.join(", ", e.actualReasons()), e.passed(),
                        wording.mismatches(e), null));
                first = false;
            }
        });
        return rows;
    }
}
