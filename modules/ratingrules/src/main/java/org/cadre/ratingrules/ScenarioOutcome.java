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
     * @param subject     the subject id in the scenario (the group of a calibration case)
     * @param expected    what was expected, for example {@code KHTNV}, {@code excluded}, {@code pending} or a
     *                    calibration case {@code M19-QUOTA-01 db1 excess 1}
     * @param actual      what the rules produced
     * @param problems    what did not hold, in English (empty when it passed): for the API, logs and scripts
     * @param mismatches  the same as codes with arguments, for pages to say in the reader's language
     * @param calibration set for a quota case the scenario lists (or the run raised unlisted), else {@code null}
     */
    public record Expectation(String subject, String expected, String actual, List<String> expectedReasons,
            List<String> actualReasons, boolean passed, List<String> problems, List<Mismatch> mismatches,
            CalibrationCheck calibration) {

        public Expectation {
            expectedReasons = expectedReasons == null ? List.of() : List.copyOf(expectedReasons);
            actualReasons = actualReasons == null ? List.of() : List.copyOf(actualReasons);
            problems = problems == null ? List.of() : List.copyOf(problems);
            // reports stored before mismatches were recorded read with none
            mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        }

        /** An expectation of a subject (no calibration case). */
        public Expectation(String subject, String expected, String actual, List<String> expectedReasons,
                List<String> actualReasons, boolean passed, List<String> problems, List<Mismatch> mismatches) {
            this(subject, expected, actual, expectedReasons, actualReasons, passed, problems, mismatches, null);
        }
    }

    /**
     * What did not hold, as a stable code with its arguments ({@code ratingrules.mismatch.<code>} in the bundles):
     * {@code level} (expected, actual), {@code cap} (expected, actual), {@code reason-absent} (rule id),
     * {@code reason-present} (rule id), {@code calibration} (quota, group, expected excess, actual excess or empty
     * when none was raised), {@code calibration-unexpected} (quota, group, excess).
     */
    public record Mismatch(String code, List<String> arguments) {

        public Mismatch {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }

        public static Mismatch of(String code, Object... arguments) {
            return new Mismatch(code, java.util.Arrays.stream(arguments).map(a -> a == null ? "" : String.valueOf(a))
                    .toList());
        }
    }

    /**
     * A quota case of a scenario.
     *
     * @param expectedExcess the excess the scenario lists, {@code null} when it lists no such case
     * @param actualExcess   the excess the run raised, {@code null} when it raised no such case
     */
    public record CalibrationCheck(String quota, String group, Integer expectedExcess, Integer actualExcess) {
    }
}
