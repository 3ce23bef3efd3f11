package org.cadre.ratingrules.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.facts.Share;
import org.cadre.ratingrules.pack.Scenario;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The shipped QĐ 124 pack, run by Drools as a classification run runs it, proposes for every member what the plain
 * Java reading of the same pack ({@link Qd124PlainJava}) proposes: same outcome, same cap, same reasons and the
 * same calibration cases. Generated members (fixed seed) under the pack's parameters and under the switched-off
 * options turned on, plus the members of every scenario of the pack. A difference fails naming the subject and
 * both outcomes; the generated members reach every member rule of the pack, or the test fails too.
 */
@Execution(ExecutionMode.CONCURRENT)
class Qd124CrossCheckTests {

    /** Every rule of the pack that rates members, in its three files. */
    private static final Set<String> MEMBER_RULES = Set.of("G-ELIG-01", "G-ELIG-02", "G-ELIG-03", "G-ELIG-05",
            "G-ELIG-06", "G-SEQ-01", "G-CAP-01", "G-DISC-01", "G-RES-01", "G-DATA-01", "C23-KH-01-CN",
            "C23-KH-03-CN", "C23-KH-03-LD", "I23-KH-01", "I23-KH-02", "C23-XS-01-CN", "I23-XS-01", "C23-TT-01-CN",
            "C23-HT-01-CN", "P-ATTEND-01", "C23-COMMIT-01");

    private static PackValidator.Validation validation;

    @BeforeAll
    static void compile() {
        validation = Qd124CrossCheck.load();
    }

    @AfterAll
    static void close() {
        validation.pack().close();
    }

    @Test
    void droolsAndPlainJavaAgreeOnEveryGeneratedMember() {
        List<MemberFacts> members = Qd124Members.generate(3_000, 20_231_004L);
        Set<String> reached = new TreeSet<>();
        Set<String> outcomes = new TreeSet<>();
        for (Map<String, Object> parameters : List.of(validation.parameters(), optionsOn(), stricter())) {
            Ratings drools = validation.pack().evaluate(2024, parameters, members, List.of());
            assertAgree(members, parameters, drools, "generated members, parameters " + parameters);
            for (SubjectRating rating : drools.ratings()) {
                rating.reasons().stream().map(Reason::ruleId).filter(java.util.Objects::nonNull).forEach(reached::add);
                outcomes.add(rating.excluded() ? "excluded" : rating.pending() ? "pending" : rating.level());
            }
            if (parameters == validation.parameters()) {
                assertThat(drools.calibrations()).as("the quota is exercised").isNotEmpty();
            }
        }
        assertThat(reached).as("the generated members reach every member rule of the pack")
                .containsAll(MEMBER_RULES);
        assertThat(outcomes).containsExactlyInAnyOrder("HTXSNV", "HTTNV", "HTNV", "KHTNV", "excluded", "pending");
    }

    @Test
    void droolsAndPlainJavaAgreeOnTheMembersOfEveryScenario() {
        List<PackProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioReader.readAll(Qd124CrossCheck.files(), validation.manifest(), problems);
        assertThat(problems).isEmpty();
        assertThat(scenarios).hasSizeGreaterThan(10);
        int members = 0;
        for (Scenario scenario : scenarios) {
            if (scenario.members().isEmpty()) {
                continue;
            }
            Map<String, Object> parameters = new LinkedHashMap<>(validation.parameters());
            parameters.putAll(scenario.parameters());
            Ratings drools = validation.pack().evaluate(scenario.year(), parameters, scenario.members(), List.of());
            assertAgree(scenario.members(), parameters, drools, "scenario " + scenario.file());
            members += scenario.members().size();
        }
        assertThat(members).isGreaterThan(30);
    }

    /** The comparison is not blind: a plain Java that reads one parameter differently is caught, by subject. */
    @Test
    void aDeliberateDifferenceIsCaughtAndNamed() {
        List<MemberFacts> members = Qd124Members.generate(500, 7L);
        Ratings drools = validation.pack().evaluate(2024, validation.parameters(), members, List.of());
        Map<String, Object> skewed = new LinkedHashMap<>(validation.parameters());
        skewed.put("goodTaskLevels", "XUAT_SAC");
        Qd124PlainJava wrong = Qd124CrossCheck.plain(validation.pack(), validation.manifest(), skewed);
        Map<String, Proposal> proposals = Qd124CrossCheck.rate(wrong, members);
        List<String> differences = Qd124CrossCheck.differences(members, drools, proposals,
                wrong.quotas(members, proposals));
        assertThat(differences).isNotEmpty()
                .anySatisfy(line -> assertThat(line).matches("m\\d+: Drools HTTNV, plain Java HTNV .*"));
    }

    private static void assertAgree(List<MemberFacts> members, Map<String, Object> parameters, Ratings drools,
            String what) {
        Qd124PlainJava plain = Qd124CrossCheck.plain(validation.pack(), validation.manifest(), parameters);
        Map<String, Proposal> proposals = Qd124CrossCheck.rate(plain, members);
        List<String> differences = Qd124CrossCheck.differences(members, drools, proposals,
                plain.quotas(members, proposals));
        assertThat(differences).as("Drools and plain Java differ on %s (%d of %d members):%n%s", what,
                differences.size(), members.size(), String.join("\n", differences.subList(0,
                        Math.min(20, differences.size())))).isEmpty();
    }

    /** The options the pack ships switched off, switched on; the exemption switched off. */
    private static Map<String, Object> optionsOn() {
        Map<String, Object> parameters = new LinkedHashMap<>(validation.parameters());
        parameters.put("exemptNotClassified", false);
        parameters.put("newMemberRuleEnabled", true);
        parameters.put("sickLeaveCapEnabled", true);
        parameters.put("attendanceCapEnabled", true);
        parameters.put("selfReviewRequired", false);
        parameters.put("quotaEnabled", false);
        return parameters;
    }

    /** Other thresholds: a committee's edits must move both the same way. */
    private static Map<String, Object> stricter() {
        Map<String, Object> parameters = new LinkedHashMap<>(validation.parameters());
        parameters.put("minCompletionRatio", Share.parse("2/3").orElseThrow());
        parameters.put("excellentMinExceededRatio", Share.parse("80%").orElseThrow());
        parameters.put("excellentLevels", "XUAT_SAC");
        parameters.put("goodLevels", "XUAT_SAC,TOT");
        parameters.put("quotaShare", Share.parse("1/3").orElseThrow());
        parameters.put("sickLeaveCapEnabled", true);
        parameters.put("sickLeaveCapMonths", 1.5);
        parameters.put("attendanceCapEnabled", true);
        parameters.put("maxConsecutiveAbsences", 1);
        parameters.put("maxUnexcusedAbsences", 1);
        return parameters;
    }
}
