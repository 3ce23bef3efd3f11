package org.cadre.ratingrules;

import java.util.List;

/**
 * The result of one scenario of a pack: each expectation, expected against actual.
 *
 * @param file  the scenario file, for example {@code scenarios/discipline.yaml}
 * @param name  the scenario's name
 * @param error set when the scenario could not run at all (a rule threw, a fact was unknown)
 */
public record ScenarioOutcome(String file, String name, boolean passed, List<Expectation> expectations,
        String error) {

    public ScenarioOutcome {
        expectations = List.copyOf(expectations);
    }

    /**
     * One expectation of a scenario.
     *
     * @param subject  the subject id in the scenario
     * @param expected what was expected, for example {@code KHTNV}, {@code excluded}, {@code pending} or a
     *                 calibration case {@code M19-QUOTA-01 db1 excess 1}
     * @param actual   what the rules produced
     * @param problems what did not hold (empty when it passed)
     */
    public record Expectation(String subject, String expected, String actual, List<String> expectedReasons,
            List<String> actualReasons, boolean passed, List<String> problems) {

        public Expectation {
            expectedReasons = List.copyOf(expectedReasons);
            actualReasons = List.copyOf(actualReasons);
            problems = List.copyOf(problems);
        }
    }
}
