package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.runs.RunFixture.ADMIN;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleStatusChange;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.domain.Cycle;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Closing a cycle locks it (no run, no input, no self-assessment; the results stay readable) and only an
 * administrator reopens it, with a reason; every change is kept and shown as the cycle's history. A cycle being
 * rated cannot be closed. On a bloc of each test's own.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class CycleClosingTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    CycleResults results;
    @Autowired
    SelfAssessments assessments;
    @Autowired
    InputEntries inputs;
    @Autowired
    org.cadre.ratingrules.RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MockMvc mvc;

    RunFixture fixture;

    @BeforeEach
    void bloc() {
        RunFixture.activatePack(registry);
        fixture = new RunFixture(organizations, members);
        fixture.awaitProjection(jdbc);
    }

    @Test
    void aClosedCycleRefusesRunsInputsAndSelfAssessmentsAndItsResultsStayReadable() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        RunView run = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        String level = results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating().level();

        CycleView closed = cycles.close(cycle.id(), EVALUATOR);

        assertThat(closed.status()).isEqualTo(CycleStatus.CLOSED);
        assertRefused(() -> cycles.classify(cycle.id(), ADMIN), EvaluationRefusal.CYCLE_CLOSED);
        assertRefused(() -> inputs.setSickLeave(cycle.id(), fixture.an.value(), BigDecimal.ONE, EVALUATOR),
                EvaluationRefusal.CYCLE_CLOSED);
        assertRefused(() -> assessments.saveDraft(cycle.id(), new SelfReview("Bản nháp", null, null, null),
                fixture.member(fixture.an)), EvaluationRefusal.CYCLE_CLOSED);
        // closing twice is refused, and none of the above wrote anything
        assertRefused(() -> cycles.close(cycle.id(), ADMIN), EvaluationRefusal.CYCLE_CLOSED);
        assertThat(cycles.runs(cycle.id(), EVALUATOR)).singleElement().extracting(RunView::id).isEqualTo(run.id());
        assertThat(count("SELECT count(*) FROM evaluation.sick_leave WHERE cycle_id = :cycle", cycle.id())).isZero();
        assertThat(count("SELECT count(*) FROM evaluation.self_assessment WHERE cycle_id = :cycle", cycle.id()))
                .isZero();
        assertThat(cycles.history(cycle.id(), EVALUATOR)).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(CycleStatus.CLOSED);
            assertThat(h.changedBy()).isEqualTo("eva");
            assertThat(h.reason()).isNull();
        });

        assertThat(cycles.find(cycle.id(), EVALUATOR).orElseThrow().currentRun()).get().extracting(RunView::id)
                .isEqualTo(run.id());
        assertThat(results.rating(cycle.id(), fixture.an.value(), EVALUATOR).rating().level()).isEqualTo(level);
        assertThat(results.rating(cycle.id(), fixture.an.value(), fixture.member(fixture.an)).subjectId())
                .isEqualTo(fixture.an.value());
    }

    @Test
    void onlyAnAdministratorReopensAClosedCycleWithAReasonAndTheChangeIsRecorded() {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        assertRefused(() -> cycles.reopen(cycle.id(), "Cần sửa", ADMIN), EvaluationRefusal.CYCLE_NOT_CLOSED);
        assertRefused(() -> cycles.close(cycle.id(), fixture.secretaryOf(fixture.bloc)), EvaluationRefusal.NOT_ALLOWED);
        assertRefused(() -> cycles.close(cycle.id(), fixture.member(fixture.an)), EvaluationRefusal.NOT_ALLOWED);
        cycles.close(cycle.id(), EVALUATOR);

        assertRefused(() -> cycles.reopen(cycle.id(), "Cần sửa số liệu", EVALUATOR), EvaluationRefusal.NOT_ALLOWED);
        assertRefused(() -> cycles.reopen(cycle.id(), null, ADMIN), EvaluationRefusal.REOPEN_REASON_REQUIRED);
        assertRefused(() -> cycles.reopen(cycle.id(), "   ", ADMIN), EvaluationRefusal.REOPEN_REASON_REQUIRED);
        assertRefused(() -> cycles.reopen(cycle.id(), "x".repeat(Cycle.MAX_REOPEN_REASON + 1), ADMIN),
                EvaluationRefusal.REOPEN_REASON_TOO_LONG);
        assertThat(cycles.find(cycle.id(), ADMIN).orElseThrow().status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(cycles.history(cycle.id(), ADMIN)).hasSize(1);

        CycleView reopened = cycles.reopen(cycle.id(), "  Bổ sung kết quả kiểm tra  ", ADMIN);

        assertThat(reopened.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(cycles.history(cycle.id(), EVALUATOR)).extracting(CycleStatusChange::status,
                CycleStatusChange::changedBy, CycleStatusChange::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CycleStatus.CLOSED, "eva", null),
                        org.assertj.core.groups.Tuple.tuple(CycleStatus.OPEN, "admin", "Bổ sung kết quả kiểm tra"));
        // open again: entries are taken
        inputs.setSickLeave(cycle.id(), fixture.an.value(), BigDecimal.ONE, EVALUATOR);
        assertThat(count("SELECT count(*) FROM evaluation.sick_leave WHERE cycle_id = :cycle", cycle.id()))
                .isEqualTo(1);
    }

    @Test
    void aCycleBeingRatedCannotBeClosed() throws Exception {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        // another session holds the cycle's row: the run rates everyone, then waits to become current
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM evaluation.cycle WHERE cycle_id = ? FOR NO KEY UPDATE")) {
                lock.setObject(1, cycle.id());
                lock.executeQuery().close();
            }
            cycles.classify(cycle.id(), EVALUATOR);
            assertThatThrownBy(() -> cycles.close(cycle.id(), ADMIN)).isInstanceOfSatisfying(Refused.class, e -> {
                assertThat(e.reason()).isEqualTo(EvaluationRefusal.RUN_IN_PROGRESS);
                assertThat(e.arguments()[0].toString()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            });
            holder.rollback();
        }
        CycleView done = RunFixture.awaitRun(cycles, cycle.id());
        assertThat(done.status()).isEqualTo(CycleStatus.OPEN);
        assertThat(done.currentRun()).get().extracting(RunView::state).isEqualTo(RunState.SUCCEEDED);
        assertThat(cycles.history(cycle.id(), ADMIN)).isEmpty();
        assertThat(cycles.close(cycle.id(), ADMIN).status()).isEqualTo(CycleStatus.CLOSED);
    }

    @Test
    void theCyclePageShowsClosingToStaffReopeningToAdministratorsAndTheHistory() throws Exception {
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        String page = "/evaluation/cycles/" + cycle.id();

        mvc.perform(get(page).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"close-form\"")))
                .andExpect(content().string(not(containsString("id=\"reopen-form\""))));
        mvc.perform(get(page).with(as(fixture.secretaryOf(fixture.bloc)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"close-form\""))));
        mvc.perform(post(page + "/close").with(csrf()).with(as(fixture.secretaryOf(fixture.bloc))))
                .andExpect(status().isForbidden());

        mvc.perform(post(page + "/close").with(csrf()).with(as(EVALUATOR)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(not(containsString("id=\"reopen-form\""))))
                .andExpect(content().string(not(containsString("id=\"run-form\""))))
                .andExpect(content().string(containsString("id=\"cycle-history\"")));
        mvc.perform(get(page).with(as(ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reopen-form\"")))
                .andExpect(content().string(containsString("name=\"reason\"")));

        // the page form: a blank reason comes back to the form; the API: an evaluator is forbidden, no reason is a
        // problem naming the field
        mvc.perform(post(page + "/reopen").with(csrf()).with(as(ADMIN)).param("reason", " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        String api = "/api/evaluation/cycles/" + cycle.id() + "/reopen";
        mvc.perform(post(api).with(csrf()).with(as(EVALUATOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Sửa\"}")).andExpect(status().isForbidden());
        mvc.perform(post(api).with(csrf()).with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}")).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("reason")));
        assertThat(cycles.find(cycle.id(), ADMIN).orElseThrow().status()).isEqualTo(CycleStatus.CLOSED);

        mvc.perform(post(api).with(csrf()).with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Bổ sung số liệu\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(get(page).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bổ sung số liệu")))
                .andExpect(content().string(containsString("id=\"close-form\"")));
        mvc.perform(post("/api/evaluation/cycles/" + cycle.id() + "/close").with(csrf()).with(as(ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/evaluation/cycles/" + cycle.id() + "/close").with(csrf()).with(as(ADMIN)))
                .andExpect(status().isConflict());
    }

    private int count(String sql, UUID cycle) {
        return jdbc.sql(sql).param("cycle", cycle).query(Integer.class).single();
    }

    private static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            EvaluationRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
