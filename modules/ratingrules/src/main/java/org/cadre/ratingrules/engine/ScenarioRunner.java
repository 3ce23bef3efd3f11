package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.FiredRule;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.ScenarioOutcome;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.pack.Scenario;

/** Runs a scenario against a compiled pack and compares expected with actual, subject by subject. */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static ScenarioOutcome run(CompiledPack pack, Map<String, Object> packParameters, Scenario scenario) {
        Map<String, Object> parameters = new LinkedHashMap<>(packParameters);
        parameters.putAll(scenario.parameters());
        Ratings evaluation;
        try {
            evaluation = pack.evaluate(scenario.year(), parameters, scenario.members(), scenario.organizations());
        } catch (EngineException e) {
            // its message is already what a report shows: the rule, the exception's type, a bounded message
            return new ScenarioOutcome(scenario.file(), scenario.name(), false, List.of(), e.getMessage());
        } catch (RuntimeException e) {
            return new ScenarioOutcome(scenario.file(), scenario.name(), false, List.of(),
                    CompiledPack.rootMessage(e));
        }
        List<ScenarioOutcome.Expectation> outcomes = new ArrayList<>();
        for (Scenario.Expectation expected : scenario.expectations()) {
            SubjectRating rating = evaluation.rating(expected.subject()).orElse(null);
            List<String> problems = new ArrayList<>();
            List<ScenarioOutcome.Mismatch> mismatches = new ArrayList<>();
            String actual = rating == null ? "—" : rating.excluded() ? "excluded" : rating.pending() ? "pending"
                    : rating.level();
            Set<String> ruleIds = new LinkedHashSet<>();
            if (rating != null) {
                rating.reasons().stream().map(Reason::ruleId).filter(java.util.Objects::nonNull).forEach(ruleIds::add);
                // what the engine itself decided (an organization waiting for its members) is named by its code
                rating.reasons().stream().map(Reason::code).filter(java.util.Objects::nonNull).forEach(ruleIds::add);
                rating.firedRules().stream().map(FiredRule::ruleId).forEach(ruleIds::add);
            }
            if (!expected.outcome().equals(actual)) {
                problems.add("expected " + expected.outcome() + ", got " + actual);
                mismatches.add(ScenarioOutcome.Mismatch.of("level", expected.outcome(), actual));
            }
            if (expected.cap() != null && (rating == null || !expected.cap().equals(rating.cap()))) {
                problems.add("expected cap " + expected.cap() + ", got " + (rating == null ? "—" : rating.cap()));
                mismatches.add(ScenarioOutcome.Mismatch.of("cap", expected.cap(), rating == null ? "—" : rating.cap()));
            }
            for (String reason : expected.reasons()) {
                if (!ruleIds.contains(reason)) {
                    problems.add("reason " + reason + " expected but absent");
                    mismatches.add(ScenarioOutcome.Mismatch.of("reason-absent", reason));
                }
            }
            for (String reason : expected.absentReasons()) {
                if (ruleIds.contains(reason)) {
                    problems.add("reason " + reason + " present but must be absent");
                    mismatches.add(ScenarioOutcome.Mismatch.of("reason-present", reason));
                }
            }
            outcomes.add(new ScenarioOutcome.Expectation(expected.subject(), expected.outcome(), actual,
                    expected.reasons(), List.copyOf(ruleIds), problems.isEmpty(), problems, mismatches));
        }
        for (Scenario.ExpectedCalibration expected : scenario.calibrations()) {
            CalibrationCase found = evaluation.calibrations().stream()
                    .filter(c -> c.quotaId().equals(expected.quota()) && c.group().equals(expected.group()))
                    .findFirst().orElse(null);
            String expectedText = expected.quota() + " " + expected.group() + " excess " + expected.excess();
            String actualText = found == null ? "no calibration case"
                    : found.quotaId() + " " + found.group() + " excess " + found.excess();
            boolean passed = found != null && found.excess() == expected.excess();
            outcomes.add(new ScenarioOutcome.Expectation(expected.group(), expectedText, actualText, List.of(),
                    List.of(), passed, passed ? List.of() : List.of("expected " + expectedText + ", got " + actualText),
                    passed ? List.of() : List.of(ScenarioOutcome.Mismatch.of("calibration", expected.quota(),
                            expected.group(), expected.excess(), found == null ? null : found.excess())),
                    new ScenarioOutcome.CalibrationCheck(expected.quota(), expected.group(), expected.excess(),
                            found == null ? null : found.excess())));
        }
        if (scenario.calibrationsDeclared()) {
            // the listed cases are all the run may raise: an unlisted one is a quota the scenario did not expect
            for (CalibrationCase actual : evaluation.calibrations()) {
                boolean listed = scenario.calibrations().stream()
                        .anyMatch(c -> c.quota().equals(actual.quotaId()) && c.group().equals(actual.group()));
                if (!listed) {
                    String actualText = actual.quotaId() + " " + actual.group() + " excess " + actual.excess();
                    outcomes.add(new ScenarioOutcome.Expectation(actual.group(), "no calibration case", actualText,
                            List.of(), List.of(), false,
                            List.of("expected no calibration case, got " + actualText),
                            List.of(ScenarioOutcome.Mismatch.of("calibration-unexpected", actual.quotaId(),
                                    actual.group(), actual.excess())),
                            new ScenarioOutcome.CalibrationCheck(actual.quotaId(), actual.group(), null,
                                    actual.excess())));
                }
            }
        }
        boolean passed = outcomes.stream().allMatch(ScenarioOutcome.Expectation::passed);
        return new ScenarioOutcome(scenario.file(), scenario.name(), passed, outcomes, null);
    }
}
