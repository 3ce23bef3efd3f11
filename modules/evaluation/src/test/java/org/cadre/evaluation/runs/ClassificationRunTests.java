package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.runs.RunFixture.ADMIN;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.StoredRating;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.ImposeDiscipline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * A classification run as evaluation staff start it: every member and organization of the scope rated in the
 * regulation's order with the cycle's pack, each rating stored with its pack version, facts and explanation; the
 * same inputs give the same results; a failed run or a second run while one goes leaves the results as they were;
 * a supervision event reaches the next run; each role reads what it may. On a bloc of each test's own.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class ClassificationRunTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    CycleResults results;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    Disciplines disciplines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    RunFixture fixture;

    @BeforeEach
    void bloc() {
        RunFixture.activatePack(registry);
        fixture = new RunFixture(organizations, members);
        fixture.awaitProjection(jdbc);
    }

    @Test
    void aRunRatesEveryMemberAndOrganizationBottomUpAndStoresEachWithItsPackAndExplanation() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        assertThat(cycle.packId()).isEqualTo(RunFixture.PACK);

        CycleView done = RunFixture.runAndWait(cycles, cycle.id());

        RunView run = done.currentRun().orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.members()).isEqualTo(4);
        assertThat(run.organizations()).isEqualTo(5);
        // no meetings were required: everyone qualifies as excellent, and the quota (half of the good ones, none)
        // opens a case per grassroots organization instead of demoting anybody
        assertThat(run.calibrations()).isEqualTo(2);
        assertThat(results.calibrations(cycle.id(), EVALUATOR)).hasSize(2).anySatisfy(k -> {
            assertThat(k.groupName()).isEqualTo("Đảng bộ Sở " + fixture.prefix);
            assertThat(k.level()).isEqualTo("HTXSNV");
            assertThat(k.levelLabel()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(k.allowed()).isZero();
            assertThat(k.candidates()).containsExactlyInAnyOrder("Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường");
        });
        assertThat(results.calibrations(cycle.id(), fixture.secretaryOf(fixture.committee))).isEmpty();
        assertThat(results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating().level()).isEqualTo("HTXSNV");
        // organizations are rated on the run's member results, bottom-up to the bloc
        SubjectRating chapter = results.rating(cycle.id(), fixture.chapterA.value(), EVALUATOR).rating();
        assertThat(chapter.level()).isEqualTo("TSVM");
        assertThat(chapter.reasonRuleIds()).contains("O-TS");
        SubjectRating bloc = results.rating(cycle.id(), fixture.bloc.value(), EVALUATOR).rating();
        assertThat(bloc.pending()).isFalse();
        assertThat(bloc.level()).isEqualTo("TSVM");

        // every stored rating names the pack version and carries its facts and an explanation with a decisive reason
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT r.subject, r.facts::text AS facts, r.explanation::text AS explanation, run.pack_id,
                       run.pack_version
                FROM evaluation.rating r JOIN evaluation.run run ON run.run_id = r.run_id
                WHERE r.run_id = :run
                """).param("run", run.id()).query().listOfRows();
        assertThat(rows).hasSize(9).allSatisfy(row -> {
            assertThat(row.get("pack_id")).isEqualTo(RunFixture.PACK);
            assertThat(row.get("pack_version")).isEqualTo(1);
            SubjectRating rating = RatingJson.explanation((String) row.get("explanation"));
            assertThat(rating.reasons()).isNotEmpty();
            assertThat(rating.decisiveReason()).isPresent();
            assertThat(RatingJson.facts((String) row.get("subject"), (String) row.get("facts")).getSubjectId())
                    .isEqualTo(rating.subjectId());
        });
    }

    @Test
    void theSameInputsAndPackGiveTheSameResults() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        RunView first = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        RunView second = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.digest()).isNotBlank().isEqualTo(first.digest());
        assertThat(levels(second.id())).isEqualTo(levels(first.id()));
    }

    @Test
    void aSupervisionDisciplineReachesTheFactsAndTheNextRunRatesAccordingly() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.committee.value()), EVALUATOR);
        RunFixture.runAndWait(cycles, cycle.id());
        assertThat(results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating().level()).isEqualTo("HTXSNV");

        disciplines.impose(new ImposeDiscipline(fixture.an.value(), null, DisciplineForm.REPRIMAND, "12-QĐ/UBKT",
                LocalDate.of(YEAR, 6, 1), "Ủy ban Kiểm tra Đảng ủy", "Vi phạm quy chế làm việc", null, false, false),
                ADMIN);
        RunFixture.await(() -> {
            RunFixture.runAndWait(cycles, cycle.id());
            return "HTNV".equals(results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating().level());
        }, Duration.ofSeconds(30));

        SubjectRating an = results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating();
        assertThat(an.reasons()).anySatisfy(r -> {
            assertThat(r.effect()).isEqualTo(Reason.Effect.LIMITS);
            assertThat(r.ruleId()).isEqualTo("M-KL");
            assertThat(r.article()).isEqualTo("TEST-RUN, 2");
        });
        assertThat(an.firedRules()).anySatisfy(f -> assertThat(f.values()).containsKey("disciplinedViolations"));
        // the others of the chapter are not touched
        assertThat(results.rating(cycle.id(), fixture.binh.value(), EVALUATOR).rating().level()).isEqualTo("HTXSNV");
    }

    @Test
    void aFailedRunLeavesThePreviousResultsAndWritesNothing() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        RunView good = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        Map<String, String> before = levels(good.id());

        // a rule of the pack fails for one member's input: the whole run fails
        jdbc.sql("""
                INSERT INTO evaluation.civil_service_rating (cycle_id, member_id, level, source, entered_by, entered_at)
                VALUES (:cycle, :member, 'BOOM', 'ENTRY', 'test', now())
                """).param("cycle", cycle.id()).param("member", fixture.dung.value()).update();
        CycleView after = RunFixture.runAndWait(cycles, cycle.id());

        RunView failed = after.latestRun().orElseThrow();
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.problem()).isNotBlank();
        assertThat(after.currentRun()).get().extracting(RunView::id).isEqualTo(good.id());
        assertThat(levels(good.id())).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation.rating WHERE run_id = :run").param("run", failed.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation.calibration_case WHERE run_id = :run")
                .param("run", failed.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aSecondRunOfTheCycleWhileOneGoesIsRefusedWithWhenItStarted() throws Exception {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        // another session holds the cycle's row: the first run rates everyone, then waits to become current
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM evaluation.cycle WHERE cycle_id = ? FOR NO KEY UPDATE")) {
                lock.setObject(1, cycle.id());
                lock.executeQuery().close();
            }
            cycles.classify(cycle.id(), EVALUATOR);
            assertThatThrownBy(() -> cycles.classify(cycle.id(), Caller.of("other", Role.ADMIN)))
                    .isInstanceOfSatisfying(Refused.class, e -> {
                        assertThat(e.reason()).isEqualTo(EvaluationRefusal.RUN_IN_PROGRESS);
                        assertThat(e.arguments()[0].toString()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
                    });
            assertThat(cycles.runs(cycle.id(), EVALUATOR)).singleElement().extracting(RunView::state)
                    .isEqualTo(RunState.RUNNING);
            holder.rollback();
        }
        CycleView done = RunFixture.awaitRun(cycles, cycle.id());
        assertThat(cycles.runs(cycle.id(), EVALUATOR)).hasSize(1);
        assertThat(done.currentRun()).get().extracting(RunView::state).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void badRequestsToOpenACycleAreRefusedAndWriteNothing() {
        int before = cycleCount();
        assertRefused(() -> cycles.open(new OpenCycle(9999, fixture.bloc.value()), EVALUATOR),
                EvaluationRefusal.YEAR_OUT_OF_RANGE);
        assertRefused(() -> cycles.open(new OpenCycle(1899, fixture.bloc.value()), EVALUATOR),
                EvaluationRefusal.YEAR_OUT_OF_RANGE);
        assertRefused(() -> cycles.open(new OpenCycle(2001, fixture.bloc.value()), EVALUATOR),
                EvaluationRefusal.NO_PACK_FOR_YEAR);
        assertRefused(() -> cycles.open(new OpenCycle(YEAR, fixture.chapterA.value()), EVALUATOR),
                EvaluationRefusal.SCOPE_NOT_BLOC_OR_GRASSROOTS);
        assertRefused(() -> cycles.open(new OpenCycle(YEAR, UUID.randomUUID()), EVALUATOR),
                EvaluationRefusal.SCOPE_UNKNOWN);
        assertRefused(() -> cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), fixture.member(fixture.an)),
                EvaluationRefusal.NOT_ALLOWED);
        assertRefused(() -> cycles.open(new OpenCycle(YEAR, fixture.bloc.value()),
                fixture.secretaryOf(fixture.committee)), EvaluationRefusal.NOT_ALLOWED);
        assertThat(cycleCount()).isEqualTo(before);

        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        assertRefused(() -> cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), ADMIN),
                EvaluationRefusal.CYCLE_EXISTS);
        assertRefused(() -> cycles.classify(cycle.id(), fixture.secretaryOf(fixture.bloc)),
                EvaluationRefusal.NOT_ALLOWED);
        assertThat(cycleCount()).isEqualTo(before + 1);
        assertThat(cycles.runs(cycle.id(), EVALUATOR)).isEmpty();
    }

    @Test
    void aMemberReadsTheirOwnRatingASecretaryTheirChapterAndAReviewerNone() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        RunFixture.runAndWait(cycles, cycle.id());
        UUID an = fixture.an.value();

        assertThat(results.rating(cycle.id(), an, fixture.member(fixture.an)).name()).isEqualTo("Nguyễn Văn An");
        assertThat(results.mine(fixture.member(fixture.an))).extracting(StoredRating::year, StoredRating::subjectId)
                .contains(org.assertj.core.groups.Tuple.tuple(YEAR, an));
        assertRefused(() -> results.rating(cycle.id(), fixture.binh.value(), fixture.member(fixture.an)),
                EvaluationRefusal.OUT_OF_SCOPE);

        assertThat(results.rating(cycle.id(), an, fixture.secretaryOf(fixture.chapterA)).subjectId()).isEqualTo(an);
        assertThat(results.within(cycle.id(), fixture.chapterA.value(), fixture.secretaryOf(fixture.chapterA)))
                .extracting(StoredRating::subjectId).contains(an, fixture.binh.value(), fixture.chapterA.value());
        assertRefused(() -> results.rating(cycle.id(), an, fixture.secretaryOf(fixture.chapterB)),
                EvaluationRefusal.OUT_OF_SCOPE);
        assertRefused(() -> results.within(cycle.id(), fixture.chapterA.value(),
                fixture.secretaryOf(fixture.chapterB)), EvaluationRefusal.OUT_OF_SCOPE);

        Caller reviewer = new Caller("rev", java.util.Set.of(Role.REVIEWER), null, null, UUID.randomUUID());
        assertRefused(() -> results.rating(cycle.id(), an, reviewer), EvaluationRefusal.OUT_OF_SCOPE);
        assertThat(cycles.list(reviewer)).isEmpty();
        assertThat(results.mine(reviewer)).isEmpty();
        // a chapter's secretary sees the bloc's cycle (it holds their chapter), not the ratings outside it
        assertThat(cycles.find(cycle.id(), fixture.secretaryOf(fixture.chapterA))).isPresent();
    }

    private Map<String, String> levels(UUID run) {
        Map<String, String> levels = new java.util.TreeMap<>();
        jdbc.sql("SELECT subject_id, coalesce(level, '-') FROM evaluation.rating WHERE run_id = :run")
                .param("run", run).query(rs -> {
                    levels.put(rs.getString(1), rs.getString(2));
                });
        return levels;
    }

    private int cycleCount() {
        return jdbc.sql("SELECT count(*) FROM evaluation.cycle").query(Integer.class).single();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            EvaluationRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
