package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.ParameterGroups;
import org.cadre.ratingrules.pack.Scenario;
import org.cadre.ratingrules.pack.ScenarioEditor;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parameter change that breaks a scenario, resolved without editing YAML by hand: the mismatch says what changed
 * as codes; the scenario kept on the old value, or its expectation rewritten to the new outcome, passes with the
 * new value, and the comments around what was edited stay. No Spring.
 */
class ScenarioResolutionTests {

    static final String FILE = "scenarios/pass-and-fail.yaml";
    static PackFiles files;
    static Manifest manifest;
    static CompiledPack pack;
    static final PackValidator validator = new PackValidator();

    @BeforeAll
    static void compile() {
        files = TestPacks.twoLevel();
        PackValidator.Validation validation = validator.validate(files);
        assertThat(validation.report().valid()).as(validation.report().summary()).isTrue();
        pack = validation.pack();
        manifest = validation.manifest();
    }

    @AfterAll
    static void close() {
        pack.close();
    }

    /** The pack's values with minAttendance raised past m1's 9 meetings of 10. */
    static Map<String, Object> raised() {
        Map<String, Object> values = new LinkedHashMap<>(manifest.defaults());
        values.put("minAttendance", 0.95);
        return values;
    }

    static ScenarioOutcome run(String text, Map<String, Object> values) {
        List<org.cadre.ratingrules.PackProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioReader.readAll(PackFiles.of(Map.of(FILE,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), manifest, problems);
        assertThat(problems).isEmpty();
        return validator.runScenario(pack, values, scenarios.get(0));
    }

    static String original() {
        return "# A comment the committee wrote, kept by every edit\n" + files.text(FILE)
                .replace("  - { subject: m1, level: PASS, reasons: [T-PASS] }",
                        "  # m1 attends 9 of 10 meetings\n  - { subject: m1, level: PASS, reasons: [T-PASS] } # HD 1");
    }

    @Test
    void aBrokenExpectationSaysWhatChangedAsCodesBesideTheEnglishText() {
        ScenarioOutcome outcome = run(original(), raised());
        assertThat(outcome.passed()).isFalse();
        ScenarioOutcome.Expectation m1 = outcome.expectations().stream().filter(e -> e.subject().equals("m1"))
                .findFirst().orElseThrow();
        assertThat(m1.problems()).containsExactly("expected PASS, got FAIL", "reason T-PASS expected but absent");
        assertThat(m1.mismatches()).containsExactly(new ScenarioOutcome.Mismatch("level", List.of("PASS", "FAIL")),
                new ScenarioOutcome.Mismatch("reason-absent", List.of("T-PASS")));
    }

    @Test
    void updatingTheExpectationRewritesOnlyItsLinesAndThenPasses() {
        String text = original();
        ScenarioOutcome broken = run(text, raised());
        String updated = ScenarioEditor.updateExpectations(text, broken);
        assertThat(run(updated, raised()).passed()).isTrue();
        assertThat(updated).contains("# A comment the committee wrote, kept by every edit",
                "  # m1 attends 9 of 10 meetings\n  - { subject: m1, level: FAIL, reasons: [] } # HD 1",
                "  - { subject: c1, level: FAIL, reasons: [] }",
                "  - { subject: m2, level: FAIL, absentReasons: [T-PASS] }");
        // nothing else moved: the same number of lines, the passing expectations untouched
        assertThat(updated.lines().count()).isEqualTo(text.lines().count());
    }

    @Test
    void aBlockStyleExpectationIsRewrittenToo() {
        String text = original().replace("  - { subject: m3, excluded: true, reasons: [T-EXCL] }\n",
                "  - subject: m3\n    # suspended\n    excluded: true\n    reasons: [T-EXCL]\n")
                .replace("minAttendance", "minAttendance");
        Map<String, Object> values = raised();
        // m3 is suspended: excluded whatever the threshold; make its expectation wrong to see it rewritten
        String wrong = text.replace("    excluded: true\n", "    level: PASS\n");
        ScenarioOutcome outcome = run(wrong, values);
        String updated = ScenarioEditor.updateExpectations(wrong, outcome);
        assertThat(updated).contains("  - subject: m3\n    # suspended\n    excluded: true\n    reasons: [T-EXCL]\n");
        assertThat(run(updated, values).passed()).isTrue();
    }

    @Test
    void keepingTheOldValueAddsItToTheScenariosParametersAndThenPasses() {
        String text = original();
        String kept = ScenarioEditor.keepParameters(text, Map.of("minAttendance", "0.8"));
        assertThat(kept).contains("year: 2024\nparameters: { minAttendance: 0.8 }\n",
                "# A comment the committee wrote, kept by every edit", "# HD 1");
        assertThat(run(kept, raised()).passed()).isTrue();

        // an existing one-line override is extended, an existing block mapping gets a line
        String flow = text.replace("year: 2024\n", "year: 2024\nparameters: { quotaEnabled: true } # why\n");
        assertThat(ScenarioEditor.keepParameters(flow, Map.of("minAttendance", "0.8")))
                .contains("parameters: { quotaEnabled: true, minAttendance: 0.8 } # why\n");
        String block = text.replace("year: 2024\n", "year: 2024\nparameters:\n    quotaEnabled: true\n");
        String keptBlock = ScenarioEditor.keepParameters(block, Map.of("minAttendance", "0.8"));
        assertThat(keptBlock).contains("parameters:\n    minAttendance: 0.8\n    quotaEnabled: true\n");
        assertThat(run(keptBlock, raised()).passed()).isTrue();
        // a value the scenario already sets is its own: not overwritten
        String own = text.replace("year: 2024\n", "year: 2024\nparameters: { minAttendance: 0.5 }\n");
        assertThat(ScenarioEditor.keepParameters(own, Map.of("minAttendance", "0.8")))
                .contains("parameters: { minAttendance: 0.5 }\n");
    }

    @Test
    void aQuotaCaseThatDisappearsCannotBeUpdatedOnlyKept() {
        ScenarioOutcome outcome = new ScenarioOutcome("scenarios/quota.yaml", "q", false, List.of(
                new ScenarioOutcome.Expectation("g1", "Q-PASS g1 excess 2", "no calibration case", List.of(),
                        List.of(), false, List.of("expected …"), List.of(ScenarioOutcome.Mismatch.of("calibration",
                        "Q-PASS", "g1", 2, null)), new ScenarioOutcome.CalibrationCheck("Q-PASS", "g1", 2, null))),
                null);
        assertThatThrownBy(() -> ScenarioEditor.updateExpectations(files.text("scenarios/quota.yaml"), outcome))
                .isInstanceOf(ScenarioEditor.NotEditable.class);
        ScenarioOutcome changed = new ScenarioOutcome("scenarios/quota.yaml", "q", false, List.of(
                new ScenarioOutcome.Expectation("g1", "Q-PASS g1 excess 2", "Q-PASS g1 excess 1", List.of(),
                        List.of(), false, List.of("expected …"), List.of(ScenarioOutcome.Mismatch.of("calibration",
                        "Q-PASS", "g1", 2, 1)), new ScenarioOutcome.CalibrationCheck("Q-PASS", "g1", 2, 1))),
                null);
        assertThat(ScenarioEditor.updateExpectations(files.text("scenarios/quota.yaml"), changed))
                .contains("  - { quota: Q-PASS, group: g1, excess: 1 }");
    }

    @Test
    void parametersAreGroupedByTheSectionCommentsOfPackYaml() {
        String yaml = """
                id: x
                parameters:
                  # --- Đối tượng (eligibility) ---
                  - name: newMemberMonths
                    type: integer
                  # --- Kết quả của đảng viên (T25-ORG-01, HD 43 [S3]): BẬT ---
                  - { name: orgRule, type: boolean }
                quotas: []
                """;
        Map<String, Map<String, String>> sections = ParameterGroups.sections(yaml);
        assertThat(sections.get("newMemberMonths")).containsEntry("vi", "Đối tượng").containsEntry("en", "Eligibility");
        assertThat(sections.get("orgRule")).containsEntry("vi", "Kết quả của đảng viên (T25-ORG-01, HD 43 [S3]): BẬT");
        assertThat(ManifestReader.read(files).manifest().parameters()).allSatisfy(p ->
                assertThat(p.group()).isEmpty());
    }
}
