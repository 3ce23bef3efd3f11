package org.cadre.ratingrules;

import java.util.List;

/**
 * What validating a pack found: problems by file and line, and every scenario expected against actual. A pack is
 * valid when there is no problem and every scenario passes.
 *
 * @param compileMillis how long the DRL took to compile (0 when it was not compiled)
 */
public record ValidationReport(String packId, Integer version, List<PackProblem> problems,
        List<ScenarioOutcome> scenarios, long compileMillis) {

    public ValidationReport {
        problems = List.copyOf(problems);
        scenarios = List.copyOf(scenarios);
    }

    public boolean valid() {
        return problems.isEmpty() && scenarios.stream().allMatch(ScenarioOutcome::passed);
    }

    public long scenariosPassed() {
        return scenarios.stream().filter(ScenarioOutcome::passed).count();
    }

    /** Every problem and every failed expectation, one per line: for logs and assertion messages. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        problems.forEach(p -> text.append(p.describe()).append('\n'));
        for (ScenarioOutcome scenario : scenarios) {
            if (!scenario.passed()) {
                text.append(scenario.file()).append(": scenario '").append(scenario.name()).append("' failed");
                if (scenario.error() != null) {
                    text.append(": ").append(scenario.error());
                }
                text.append('\n');
                scenario.expectations().stream().filter(e -> !e.passed()).forEach(e -> text.append("  ")
                        .append(e.subject()).append(": ").append(String.join("; ", e.problems())).append('\n'));
            }
        }
        return text.toString();
    }
}
