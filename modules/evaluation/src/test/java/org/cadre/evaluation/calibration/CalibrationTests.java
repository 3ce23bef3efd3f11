package org.cadre.evaluation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.calibration.CalibrationFixture.EVALUATOR;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.CalibrationCaseView;
import org.cadre.evaluation.CalibrationChoice;
import org.cadre.evaluation.CalibrationDecided;
import org.cadre.evaluation.CalibrationStatus;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The committee's staff decide quota cases of a run: the chosen keep the level, the other candidates move down one
 * level (the engine's ratings unchanged), the votes are kept; every bad choice is refused with its reason and writes
 * nothing; a case of the level below waits for the level above, is decided on the counts after its moves, and the
 * cap is checked again on the stored ratings. On a bloc of each test's own.
 */
@CalibrationModuleTest
class CalibrationTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    Calibrations calibrations;
    @Autowired
    CycleResults results;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    CalibrationFixture f;
    UUID cycle;

    @BeforeEach
    void bloc() {
        CalibrationFixture.activatePack(registry);
        f = new CalibrationFixture(organizations, members);
        f.awaitProjection(jdbc);
        cycle = f.open(cycles);
    }

    /** Three excellent, two good, three completed: one case, HTXSNV allowed once (half of two). */
    CalibrationView oneCase() {
        f.rate(jdbc, cycle, "HTXSNV", f.an, f.binh, f.cuong);
        f.rate(jdbc, cycle, "HTTNV", f.em, f.phong);
        CalibrationFixture.run(cycles, cycle);
        assertThat(calibrations.list(cycle, EVALUATOR)).hasSize(1);
        return f.caseOf(calibrations, cycle, "HTXSNV");
    }

    static CalibrationChoice keep(String reason, MemberId... keepers) {
        return new CalibrationChoice(List.of(ids(keepers)), reason, null, null, null);
    }

    static UUID[] ids(MemberId... members) {
        return Arrays.stream(members).map(MemberId::value).toArray(UUID[]::new);
    }

    @Test
    void decidingKeepsTheChosenAndMovesTheRestDownOneLevelWithTheVotes(AssertablePublishedEvents events) {
        CalibrationView k = oneCase();
        assertThat(k.status()).isEqualTo(CalibrationStatus.OPEN);
        assertThat(k.allowed()).isEqualTo(1);
        assertThat(k.proposed()).isEqualTo(3);
        assertThat(calibrations.pendingCases(cycle, f.committee.value())).isEqualTo(1);
        assertThat(calibrations.pendingCases(cycle, f.grassrootsChapter.value())).isZero();
        CalibrationCaseView before = calibrations.find(cycle, k.caseId(), EVALUATOR);
        assertThat(before.candidates()).extracting(CalibrationCaseView.Candidate::subjectId)
                .containsExactlyInAnyOrder(ids(f.an, f.binh, f.cuong));
        assertThat(before.label("HTXSNV", "en")).isEqualTo("Excellent");

        CalibrationCaseView decided = calibrations.decide(cycle, k.caseId(), new CalibrationChoice(
                List.of(f.binh.value()), "  Bình dẫn đầu phong trào thi đua của Đảng bộ  ", 7, 1, 0), EVALUATOR);

        assertThat(decided.status()).isEqualTo(CalibrationStatus.DECIDED);
        assertThat(decided.decision().keepers()).containsExactly(f.binh.value());
        assertThat(decided.decision().movedDown()).containsExactlyInAnyOrder(ids(f.an, f.cuong));
        assertThat(decided.decision().reason()).isEqualTo("Bình dẫn đầu phong trào thi đua của Đảng bộ");
        assertThat(decided.decision().decidedBy()).isEqualTo("eva");
        assertThat(decided.candidates()).filteredOn(CalibrationCaseView.Candidate::kept)
                .extracting(CalibrationCaseView.Candidate::name).containsExactly("Trần Thị Bình");
        // after calibration: the keeper holds the level, the others the level below; the engine's ratings unchanged
        assertThat(f.calibrated(jdbc, cycle, f.binh)).isEqualTo("HTXSNV");
        assertThat(f.calibrated(jdbc, cycle, f.an)).isEqualTo("HTTNV");
        assertThat(f.calibrated(jdbc, cycle, f.cuong)).isEqualTo("HTTNV");
        assertThat(f.engine(jdbc, cycle, f.an)).isEqualTo("HTXSNV");
        assertThat(results.rating(cycle, f.an.value(), EVALUATOR).rating().level()).isEqualTo("HTXSNV");
        Map<String, Object> row = jdbc.sql("SELECT votes_for, votes_against, votes_abstain, decided_by "
                + "FROM evaluation.calibration_decision WHERE case_id = :case").param("case", k.caseId()).query()
                .singleRow();
        assertThat(row).containsEntry("votes_for", 7).containsEntry("votes_against", 1)
                .containsEntry("votes_abstain", 0).containsEntry("decided_by", "eva");
        assertThat(calibrations.pendingCases(cycle, f.committee.value())).isZero();
        assertThat(results.calibrations(cycle, EVALUATOR)).singleElement()
                .satisfies(v -> assertThat(v.decided()).isTrue());
        events.assertThat().contains(CalibrationDecided.class)
                .matching(e -> e.caseId().equals(k.caseId()) && e.keepers().equals(List.of(f.binh.value()))
                        && e.movedDown().size() == 2 && "HTTNV".equals(e.demoteTo()));

        // one decision per case
        refused(() -> calibrations.decide(cycle, k.caseId(), keep("lại", f.an), EVALUATOR),
                EvaluationRefusal.CALIBRATION_DECIDED);
        assertThat(f.written(jdbc, k.caseId())).isEqualTo(1 + 1 + 2);
        assertThat(f.calibrated(jdbc, cycle, f.binh)).isEqualTo("HTXSNV");
    }

    @Test
    void everyBadChoiceIsRefusedWithItsReasonAndWritesNothing() {
        UUID k = oneCase().caseId();
        refused(() -> calibrations.decide(cycle, k, keep("Cả hai đều xuất sắc", f.an, f.binh), EVALUATOR),
                EvaluationRefusal.CALIBRATION_OVER_CAP);
        refused(() -> calibrations.decide(cycle, k, keep("Em đề xuất", f.em), EVALUATOR),
                EvaluationRefusal.CALIBRATION_NOT_CANDIDATE);
        refused(() -> calibrations.decide(cycle, k, keep("Hai lần", f.an, f.an), EVALUATOR),
                EvaluationRefusal.CALIBRATION_DUPLICATE_KEEPER);
        refused(() -> calibrations.decide(cycle, k, keep("   ", f.an), EVALUATOR),
                EvaluationRefusal.REASON_REQUIRED);
        refused(() -> calibrations.decide(cycle, k, keep("x".repeat(2001), f.an), EVALUATOR),
                EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> calibrations.decide(cycle, k, new CalibrationChoice(List.of(f.an.value()), "Biểu quyết",
                10_001, 0, 0), EVALUATOR), EvaluationRefusal.VOTES_INVALID);
        refused(() -> calibrations.decide(cycle, k, new CalibrationChoice(List.of(f.an.value()), "Biểu quyết",
                -1, 0, 0), EVALUATOR), EvaluationRefusal.VOTES_INVALID);
        refused(() -> calibrations.decide(cycle, k, new CalibrationChoice(List.of(f.an.value()), "Biểu quyết",
                5, null, null), EVALUATOR),
                EvaluationRefusal.VOTES_INVALID);
        refused(() -> calibrations.decide(cycle, k, keep("Thư ký", f.an), f.secretaryOf(f.committee)),
                EvaluationRefusal.NOT_ALLOWED);
        refused(() -> calibrations.decide(cycle, UUID.randomUUID(), keep("Không có", f.an), EVALUATOR),
                EvaluationRefusal.CALIBRATION_UNKNOWN);

        assertThat(f.written(jdbc, k)).isZero();
        assertThat(f.calibrated(jdbc, cycle, f.binh)).isEqualTo("HTXSNV");
        assertThat(calibrations.find(cycle, k, EVALUATOR).status()).isEqualTo(CalibrationStatus.OPEN);
        // keeping nobody is a choice within the cap: everyone moves down
        calibrations.decide(cycle, k, keep("Không ai đạt tiêu chuẩn xuất sắc"), EVALUATOR);
        assertThat(f.calibrated(jdbc, cycle, f.an)).isEqualTo("HTTNV");
        assertThat(f.calibrated(jdbc, cycle, f.binh)).isEqualTo("HTTNV");
    }

    @Test
    void onlyTheCurrentRunsCasesOfAnOpenCycleAreDecided() {
        UUID first = oneCase().caseId();
        CalibrationFixture.run(cycles, cycle);
        UUID second = f.caseOf(calibrations, cycle, "HTXSNV").caseId();
        assertThat(second).isNotEqualTo(first);

        refused(() -> calibrations.find(cycle, first, EVALUATOR), EvaluationRefusal.CALIBRATION_UNKNOWN);
        refused(() -> calibrations.decide(cycle, first, keep("Lần trước", f.an), EVALUATOR),
                EvaluationRefusal.CALIBRATION_UNKNOWN);
        assertThat(f.written(jdbc, first)).isZero();

        cycles.close(cycle, EVALUATOR);
        refused(() -> calibrations.decide(cycle, second, keep("Sau khi khóa", f.an), EVALUATOR),
                EvaluationRefusal.CYCLE_CLOSED);
        assertThat(f.written(jdbc, second)).isZero();
        // still readable once closed
        assertThat(calibrations.find(cycle, second, EVALUATOR).cycleOpen()).isFalse();
    }

    /** Three excellent, four good, one completed: HTXSNV allowed 2 of 3, HTTNV allowed 2 of 4 in the same group. */
    void twoLevels() {
        f.rate(jdbc, cycle, "HTXSNV", f.an, f.binh, f.cuong);
        f.rate(jdbc, cycle, "HTTNV", f.em, f.phong, f.giang, f.ha);
        CalibrationFixture.run(cycles, cycle);
        assertThat(calibrations.list(cycle, EVALUATOR)).hasSize(2);
    }

    @Test
    void theLevelBelowWaitsForTheLevelAboveAndIsDecidedOnTheCountsAfterItsMoves() {
        twoLevels();
        CalibrationView upper = f.caseOf(calibrations, cycle, "HTXSNV");
        CalibrationView lower = f.caseOf(calibrations, cycle, "HTTNV");
        assertThat(lower.allowed()).isEqualTo(2);
        assertThat(lower.status()).isEqualTo(CalibrationStatus.WAITING);
        refused(() -> calibrations.decide(cycle, lower.caseId(), keep("Trước", f.em, f.phong), EVALUATOR),
                EvaluationRefusal.CALIBRATION_PENDING);
        assertThat(f.written(jdbc, lower.caseId())).isZero();

        calibrations.decide(cycle, upper.caseId(), keep("Hai đồng chí dẫn đầu", f.an, f.binh), EVALUATOR);

        // Cường moved into HTTNV: the lower case is to re-check, on the five who hold the level now
        CalibrationCaseView recheck = calibrations.find(cycle, lower.caseId(), EVALUATOR);
        assertThat(recheck.status()).isEqualTo(CalibrationStatus.RECHECK);
        assertThat(recheck.proposed()).isEqualTo(4);
        assertThat(recheck.holding()).isEqualTo(5);
        assertThat(recheck.candidates()).extracting(CalibrationCaseView.Candidate::subjectId)
                .containsExactlyInAnyOrder(ids(f.cuong, f.em, f.phong, f.giang, f.ha));
        assertThat(recheck.candidates()).filteredOn(CalibrationCaseView.Candidate::fromAbove)
                .extracting(CalibrationCaseView.Candidate::subjectId).containsExactly(f.cuong.value());
        refused(() -> calibrations.decide(cycle, lower.caseId(), keep("Ba", f.cuong, f.em, f.phong), EVALUATOR),
                EvaluationRefusal.CALIBRATION_OVER_CAP);
        assertThat(f.written(jdbc, lower.caseId())).isZero();

        calibrations.decide(cycle, lower.caseId(), keep("Cường và Em", f.cuong, f.em), EVALUATOR);
        assertThat(f.calibrated(jdbc, cycle, f.an)).isEqualTo("HTXSNV");
        assertThat(f.calibrated(jdbc, cycle, f.cuong)).isEqualTo("HTTNV");
        assertThat(f.calibrated(jdbc, cycle, f.em)).isEqualTo("HTTNV");
        assertThat(f.calibrated(jdbc, cycle, f.phong)).isEqualTo("HTNV");
        assertThat(f.calibrated(jdbc, cycle, f.ha)).isEqualTo("HTNV");
        assertThat(f.engine(jdbc, cycle, f.cuong)).isEqualTo("HTXSNV");
        assertThat(calibrations.pendingCases(cycle)).isZero();
    }

    @Test
    void theCapIsCheckedAgainOnTheStoredRatingsWhenMovesWouldPushALevelBelowOverItsQuota() {
        twoLevels();
        CalibrationView upper = f.caseOf(calibrations, cycle, "HTXSNV");
        CalibrationView lower = f.caseOf(calibrations, cycle, "HTTNV");
        // the lower case decided while the upper one was open (as before the order was enforced): Em and Phong kept
        UUID run = jdbc.sql("SELECT current_run_id FROM evaluation.cycle WHERE cycle_id = :c").param("c", cycle)
                .query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_decision (case_id, run_id, reason, decided_by, decided_at)
                VALUES (:case, :run, 'Trước đây', 'eva', now())
                """).param("case", lower.caseId()).param("run", run).update();
        jdbc.sql("INSERT INTO evaluation.calibration_keeper VALUES (:case, :a), (:case, :b)")
                .param("case", lower.caseId()).param("a", f.em.value()).param("b", f.phong.value()).update();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_move VALUES (:run, :a, :case, 'HTTNV', 'HTNV'),
                    (:run, :b, :case, 'HTTNV', 'HTNV')
                """).param("run", run).param("case", lower.caseId()).param("a", f.giang.value())
                .param("b", f.ha.value()).update();

        // keeping two of three moves Cường into HTTNV, where the decided quota is full: refused, nothing written
        assertThatThrownBy(() -> calibrations.decide(cycle, upper.caseId(), keep("Hai", f.an, f.binh), EVALUATOR))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.CALIBRATION_OVER_CAP);
                    assertThat(e.arguments()).containsExactly(3, 2, "HTTNV");
                });
        assertThat(f.written(jdbc, upper.caseId())).isZero();
        assertThat(f.calibrated(jdbc, cycle, f.cuong)).isEqualTo("HTXSNV");
    }

    static void refused(Runnable call, EvaluationRefusal reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
