package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.DrlGuard;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.PackRejectedException;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every kind of bad input of issue 4 is refused with a precise message, naming the file and, where there is one,
 * the line. (That the active version keeps serving meanwhile is {@code RulePackApiTests}' part.)
 */
@Execution(ExecutionMode.CONCURRENT)
class BadPackInputTests {

    static ValidationReport validate(PackFiles files) {
        PackValidator.Validation validation = new PackValidator().validate(files);
        if (validation.pack() != null) {
            validation.pack().close();
        }
        return validation.report();
    }

    static PackFiles withRule(String when, String then) {
        return TestPacks.twoLevel().withText("extra.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Extra"
                    @id("T-EXTRA") @criterion("Thử") @article("TEST-01, 9")
                when
                %s
                then
                %s
                end
                """.formatted(when, then));
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() {
        ValidationReport report = validate(TestPacks.twoLevel().withText("broken.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Broken"
                    @id("T-BROKEN") @criterion("x") @article("y")
                when
                    $m : MemberFacts( exempt == )
                then
                end
                """));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("broken.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.code()).isEqualTo("compile");
        });
    }

    @Test
    void aTypeErrorIsRefused() {
        ValidationReport report = validate(withRule("    $p : Proposal( )", "    $p.qualify(5);"));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.code()).isEqualTo("compile");
            assertThat(p.message()).contains("qualify");
        });
    }

    @Test
    void anUnknownFactFieldIsRefused() {
        ValidationReport report = validate(withRule(
                "    $m : MemberFacts( noSuchFact > 1 )\n    $p : Proposal( subjectId == $m.subjectId )",
                "    $p.note(\"x\");"));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("noSuchFact");
        });
    }

    @Test
    void anUnknownFactInAScenarioIsRefused() {
        PackFiles files = TestPacks.twoLevel().withText("scenarios/typo.yaml", """
                name: typo
                year: 2024
                members:
                  - id: m1
                    facts: { meetingsAtended: 3 }
                expect:
                  - { subject: m1, level: FAIL }
                """);
        assertThat(validate(files).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("scenarios/typo.yaml");
            assertThat(p.location()).isEqualTo("members[0].facts.meetingsAtended");
            assertThat(p.code()).isEqualTo("fact-unknown");
        });
    }

    @Test
    void aForbiddenImportIsRefusedBeforeCompilingWithFileAndLine() {
        ValidationReport report = validate(TestPacks.twoLevel().withText("evil.drl", """
                package rules.evil;
                import org.cadre.ratingrules.facts.*;
                import java.io.File;

                rule "Evil"
                    @id("E") @criterion("x") @article("y")
                when
                    $p : Proposal( )
                then
                    Runtime.getRuntime().exec("rm -rf /");
                    String s = System.getProperty("user.home"); // a "System" in a comment is fine
                end
                """));
        assertThat(report.problems()).extracting(PackProblem::describe).contains(
                "evil.drl:3: import of 'java.io.File' is not allowed: a pack may import only org.cadre.ratingrules.facts.*");
        assertThat(report.problems()).filteredOn(p -> p.code().equals("forbidden-construct"))
                .extracting(PackProblem::line).contains(10, 11);
        assertThat(report.problems()).filteredOn(p -> p.line() == 11).hasSize(1);
        assertThat(report.problems()).noneMatch(p -> p.code().equals("compile"));
    }

    @Test
    void reflectionAndTheMvelDialectAreRefused() {
        ValidationReport report = validate(withRule("    $p : Proposal( )",
                "    Object o = $p.getClass().getClassLoader();"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.message()).contains("'getClass'"));
        ValidationReport mvel = validate(TestPacks.twoLevel().withText("mvel.drl", "package x;\ndialect \"mvel\"\n"));
        assertThat(mvel.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.code()).isEqualTo("forbidden-dialect");
        });
    }

    @Test
    void unicodeEscapesThatSmuggleCodeAreRefusedWithFileAndLine() {
        // in the DRL: backslash-u0022 closes the string for the Java compiler, which decodes escapes before it lexes
        ValidationReport quote = validate(withRule("    $p : Proposal( )",
                "    $p.note(\"\\u0022 + String.valueOf(Run\\u0074ime.getRun\\u0074ime().availableProcessors()) + \\u0022\");"));
        assertThat(quote.valid()).isFalse();
        assertThat(quote.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.code()).isEqualTo("unicode-escape");
        });
        assertThat(quote.problems()).noneMatch(p -> p.code().equals("compile"));

        ValidationReport identifier = validate(withRule("    $p : Proposal( )",
                "    Object r = Run\\u0074ime.get\\u0052untime();\n    $p.note(\"x\");"));
        assertThat(identifier.problems()).anySatisfy(p -> {
            assertThat(p.describe()).startsWith("extra.drl:9: ");
            assertThat(p.code()).isEqualTo("unicode-escape");
        });
        // in a comment, with extra u's, and a lone backslash-u: all refused
        assertThat(DrlGuard.check("c.drl", "package x;\n// \\uu0041\n/* \\u */\n"))
                .extracting(PackProblem::line, PackProblem::code)
                .containsExactly(tuple(2, "unicode-escape"), tuple(3, "unicode-escape"));
    }

    @Test
    void textBlocksAndReflectionHelpersAreRefused() {
        ValidationReport report = validate(withRule("    $p : Proposal( )",
                "    String s = \"\"\"\n        x\"\"\";\n    $p.note(s);"));
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.describe()).startsWith("extra.drl:9: ");
            assertThat(p.code()).isEqualTo("text-block");
        });
        assertThat(DrlGuard.check("r.drl", "package x;\nObject m = o.getDeclaredField(n);\nScriptEngineManager e;\n"))
                .extracting(PackProblem::line).containsExactly(2, 3);
    }

    @Test
    void aHarmlessPackStillValidates() {
        assertThat(validate(TestPacks.twoLevel()).valid()).isTrue();
        ValidationReport report = validate(withRule("    $p : Proposal( )",
                "    $p.note(\"Ghi chú: \\\"trích dẫn\\\" và \\\\ gạch chéo\"); // \"u\" và Runtime trong chú thích"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void aManifestMissingALevelIsRefused() {
        String manifest = TestPacks.twoLevel().text("pack.yaml")
                .replace("  - { code: FAIL, rank: 1, label: { vi: \"Không đạt\", en: \"Fail\" } }\n", "");
        ValidationReport report = validate(TestPacks.twoLevel().withText("pack.yaml", manifest));
        assertThat(report.problems()).extracting(PackProblem::describe).contains(
                "pack.yaml: scale: needs at least two levels",
                "pack.yaml: quotas[0].base: 'FAIL' is not a level of the scale [PASS]",
                "pack.yaml: quotas[0].demoteTo: 'FAIL' is not a level of the scale [PASS]");
    }

    @Test
    void manifestMessagesNameThePath() {
        String manifest = TestPacks.twoLevel().text("pack.yaml").replace("rank: 1,", "rank: one,")
                .replace("default: 0.8", "default: 1.8").replace("share: passShare", "share: quotaShare");
        ValidationReport report = validate(TestPacks.twoLevel().withText("pack.yaml", manifest));
        assertThat(report.problems()).extracting(PackProblem::describe).contains(
                "pack.yaml: scale[1].rank: must be a whole number",
                "pack.yaml: parameters[0].default: 1.8 is outside the allowed range [0, 1]",
                "pack.yaml: quotas[0].share: no share parameter 'quotaShare'");
    }

    @Test
    void aRuleUsingALevelMissingFromTheScaleFailsItsScenario() {
        ValidationReport report = validate(withRule("    $p : Proposal( )", "    $p.qualify(\"HTXSNV\");"));
        assertThat(report.valid()).isFalse();
        assertThat(report.summary()).contains("'HTXSNV' is not a level of this pack's scale");
    }

    @Test
    void aFailingScenarioIsReportedExpectedAgainstActual() {
        PackFiles files = TestPacks.twoLevel().withText("scenarios/wrong.yaml", """
                name: wrong expectation
                year: 2024
                members:
                  - id: m1
                    facts: { meetingsRequired: 10, meetingsAttended: 1, criterionLevels: { WORK: GOOD } }
                expect:
                  - { subject: m1, level: PASS, reasons: [T-PASS] }
                """);
        ValidationReport report = validate(files);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).isEmpty();
        ScenarioOutcome failed = report.scenarios().stream().filter(s -> !s.passed()).findFirst().orElseThrow();
        assertThat(failed.file()).isEqualTo("scenarios/wrong.yaml");
        assertThat(failed.expectations()).singleElement().satisfies(e -> {
            assertThat(e.expected()).isEqualTo("PASS");
            assertThat(e.actual()).isEqualTo("FAIL");
            assertThat(e.problems()).contains("expected PASS, got FAIL", "reason T-PASS expected but absent");
        });
    }

    @Test
    void aScenarioThatDeclaresNoCalibrationFailsWhenAQuotaIsExceeded() {
        PackFiles files = TestPacks.twoLevel().withText("scenarios/quota.yaml", """
                name: "claims the quota holds, but two passes against one fail exceed half of the base"
                year: 2024
                members:
                  - id: a
                    facts: { organizationId: c1, grassrootsOrganizationId: g1, criterionLevels: { WORK: GOOD } }
                  - id: b
                    facts: { organizationId: c1, grassrootsOrganizationId: g1, criterionLevels: { WORK: GOOD } }
                  - id: c
                    facts: { organizationId: c1, grassrootsOrganizationId: g1, criterionLevels: { WORK: POOR } }
                expect:
                  - { subject: a, level: PASS }
                calibrations: []
                """);
        ValidationReport report = validate(files);
        assertThat(report.valid()).isFalse();
        ScenarioOutcome failed = report.scenarios().stream().filter(s -> !s.passed()).findFirst().orElseThrow();
        assertThat(failed.file()).isEqualTo("scenarios/quota.yaml");
        assertThat(failed.expectations()).anySatisfy(e -> assertThat(e.problems())
                .contains("expected no calibration case, got Q-PASS g1 excess 2"));
    }

    @Test
    void aRuleWithoutMetadataIsRefused() {
        ValidationReport report = validate(TestPacks.twoLevel().withText("bare.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Bare"
                when
                    $p : Proposal( )
                then
                    $p.note("x");
                end
                """));
        assertThat(report.problems()).extracting(PackProblem::describe)
                .contains("bare.drl:4: Bare: rule 'Bare' has no @id(...): every rule names its id, criterion and article");
    }

    @Test
    void aLoopingRuleIsStopped() {
        // it changes what its own pattern tests, so it matches again after every firing
        ValidationReport report = validate(withRule("    $m : MemberFacts( sickLeaveMonths >= 0 )",
                "    modify($m) { setSickLeaveMonths($m.getSickLeaveMonths() + 1) }"));
        assertThat(report.valid()).isFalse();
        assertThat(report.summary()).contains("a loop");
    }

    @Test
    void aZipWithAPathTraversalIsRefused() throws IOException {
        byte[] zip = zip("pack.yaml", "id: x", "../../etc/cron.d/evil.yaml", "x: 1");
        assertThatThrownBy(() -> PackFiles.fromZip(zip)).isInstanceOfSatisfying(PackRejectedException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("zip-path");
                    assertThat(p.file()).isEqualTo("../../etc/cron.d/evil.yaml");
                }));
        assertThatThrownBy(() -> PackFiles.fromZip(zip("/etc/passwd.yaml", "x"))).isInstanceOf(
                PackRejectedException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> PackFiles.fromZip(zip("pack.yaml", "x", "run.sh", "x")))
                .hasMessageContaining("'run.sh' is not a file a pack may hold");
    }

    @Test
    void aRuleFailingAtRunTimeIsReportedByRuleAndTypeWithABoundedMessage() {
        // the rule chooses its exception's message: a long text over several lines, as a stack would come back
        ValidationReport report = validate(withRule("    $m : MemberFacts( )",
                "    Integer.parseInt(\"không phải số\\n\\tat secret.Frame(Secret.java:1)\\n\" + $m.getSubjectId());"));
        assertThat(report.valid()).isFalse();
        String failure = report.scenarios().stream().filter(s -> !s.passed()).findFirst().orElseThrow().error();
        assertThat(failure).contains("rule 'Extra' (T-EXTRA) in extra.drl").contains("NumberFormatException")
                .contains("không phải số").doesNotContain("secret.Frame");
        assertThat(failure.length()).isLessThan(400);
    }

    @Test
    void aPackWithMoreRulesThanAnyRegulationNeedsIsRefusedBeforeCompiling() {
        StringBuilder drl = new StringBuilder("package rules.test.twolevel;\nimport org.cadre.ratingrules.facts.*;\n");
        for (int i = 0; i <= PackValidator.MAX_RULES; i++) {
            drl.append("rule \"R").append(i).append("\" @id(\"R").append(i)
                    .append("\") @criterion(\"x\") @article(\"y\")\nwhen\n  MemberFacts( )\nthen\nend\n");
        }
        ValidationReport report = validate(TestPacks.twoLevel().withText("many.drl", drl.toString()));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("too-many-rules");
            assertThat(p.message()).contains(String.valueOf(PackValidator.MAX_RULES + 4));
        });
        // refused before the compiler saw the rules: nothing was compiled
        assertThat(report.compileMillis()).isZero();
    }

    @Test
    void aParameterTheManifestDoesNotDeclareIsAProblemOnItsLine() {
        ValidationReport report = validate(TestPacks.twoLevel().withText("extra.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;
                global Parameters params;

                rule "Typo"
                    @id("T-TYPO") @criterion("x") @article("y")
                when
                    $m : MemberFacts( attendanceRatio >= params.number("minAtendance") )
                then
                end
                """));
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("undeclared-parameter");
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("minAtendance");
        });
    }

    @Test
    void aZipHoldingOneNameTwiceIsRefused() throws IOException {
        // a zip writer refuses to write one name twice: write "rules.drX" and rename it in the bytes
        byte[] twice = zip("pack.yaml", "id: x", "rules.drl", "rule a", "rules.drX", "rule b");
        String text = new String(twice, StandardCharsets.ISO_8859_1).replace("rules.drX", "rules.drl");
        assertThatThrownBy(() -> PackFiles.fromZip(text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(PackRejectedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.code()).isEqualTo("zip-duplicate");
                            assertThat(p.file()).isEqualTo("rules.drl");
                        }));
        // names that differ only in case would overwrite each other on many file systems
        assertThatThrownBy(() -> PackFiles.fromZip(zip("pack.yaml", "id: x", "Rules.drl", "a", "rules.DRL", "b")))
                .isInstanceOfSatisfying(PackRejectedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("zip-duplicate")));
    }

    @Test
    void aZipBombIsRefusedWhileInflating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("pack.yaml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        assertThatThrownBy(() -> PackFiles.fromZip(bytes.toByteArray()))
                .isInstanceOfSatisfying(PackRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("zip-bomb")));
    }

    @Test
    void aGoodZipReadsLikeTheFolder() throws IOException {
        PackFiles folder = TestPacks.twoLevel();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String path : folder.paths()) {
                out.putNextEntry(new ZipEntry("two-level/" + path));
                out.write(folder.bytes(path));
                out.closeEntry();
            }
        }
        PackFiles zipped = PackFiles.fromZip(bytes.toByteArray());
        assertThat(zipped.checksum()).isEqualTo(folder.checksum());
        assertThat(validate(zipped).valid()).isTrue();
    }

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
