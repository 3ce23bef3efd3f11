package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessmentView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.StoredRating;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.HomeSection;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Evaluation's part of the home page shows each role only what exists for them, after a cycle of the test bloc was
 * opened, one member self-assessed and the cycle was run: staff the cycle with its run and quota cases, a secretary how
 * many of their organization's members have not submitted, who is due a reminder and that the deadline passed, a
 * member their self-assessment and rating, a reviewer nothing. (The lines of calibration, decisions and appeals are
 * tested with their fixture in {@code decisions/DecisionHomeTests}.)
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class EvaluationHomeSectionTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    SelfAssessments assessments;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<HomeSection> sections;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    RunFixture fixture;
    HomeSection section;
    CycleView cycle;

    @BeforeEach
    void cycleRunAfterOneSelfAssessment() {
        RunFixture.activatePack(registry);
        fixture = new RunFixture(organizations, members);
        fixture.awaitProjection(jdbc);
        section = sections.stream().filter(s -> s.template().equals("evaluation/home")).findFirst().orElseThrow();
        cycle = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        assessments.submit(cycle.id(), new SelfReview("Hoàn thành tốt công việc chuyên môn.", "Đôi khi chậm.",
                "Lập kế hoạch hằng tuần.", "HTTNV"), fixture.member(fixture.an));
        RunFixture.runAndWait(cycles, cycle.id());
    }

    @Test
    void staffSeeTheOpenCycleWithItsLatestRunAndQuotaCases() {
        for (Caller staff : List.of(EVALUATOR, RunFixture.ADMIN)) {
            List<?> open = (List<?>) section.model(staff).get("evaluationStaffCycles");
            // the fixture's quota opens a case per grassroots organization (see ClassificationRunTests)
            assertThat(open).extracting("id", "year", "scopeName", "latestRun", "calibrations")
                    .contains(tuple(cycle.id(), YEAR, "Đảng bộ Khối " + fixture.prefix, RunState.SUCCEEDED, 2));
        }
    }

    @Test
    void aSecretarySeesHowManyOfTheirMembersHaveNotSubmitted() {
        // An submitted; Bình (chapter A) and Cường (chapter B) have not
        assertThat(chapterLines(fixture.secretaryOf(fixture.chapterA)))
                .extracting("id", "organization", "members", "notSubmitted")
                .containsExactly(tuple(cycle.id(), fixture.chapterA.value(), 2, 1L));
        assertThat(chapterLines(fixture.secretaryOf(fixture.committee)))
                .extracting("id", "organization", "members", "notSubmitted")
                .containsExactly(tuple(cycle.id(), fixture.committee.value(), 3, 2L));
        assertThat(chapterLines(fixture.secretaryOf(fixture.grassrootsChapter)))
                .extracting("id", "organization", "members", "notSubmitted")
                .containsExactly(tuple(cycle.id(), fixture.grassrootsChapter.value(), 1, 1L));
        // a secretary is not shown the staff's list
        assertThat(section.model(fixture.secretaryOf(fixture.chapterA))).doesNotContainKey("evaluationStaffCycles");
    }

    @Test
    void aMemberSeesTheirSelfAssessmentAndLatestRating() {
        Map<String, Object> an = section.model(fixture.member(fixture.an));
        assertThat(an).doesNotContainKeys("evaluationStaffCycles", "evaluationChapterCycles");
        assertThat(mine(an)).extracting(SelfAssessmentView::status).containsExactly(SelfAssessmentStatus.SUBMITTED);
        StoredRating rating = (StoredRating) an.get("evaluationMyRating");
        assertThat(rating.year()).isEqualTo(YEAR);
        assertThat(rating.cycle()).isEqualTo(cycle.id());
        assertThat(rating.rating().label("vi")).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");

        assertThat(mine(section.model(fixture.member(fixture.dung)))).extracting(SelfAssessmentView::status)
                .containsExactly(SelfAssessmentStatus.NOT_STARTED);
    }

    @Test
    void aReviewerSeesNothing() {
        Caller reviewer = new Caller("rev-" + fixture.prefix, Set.of(Role.REVIEWER), null, null,
                fixture.committee.value());
        assertThat(section.model(reviewer)).isEmpty();
    }

    @Test
    void theHomePageLinksASecretaryToTheirMembersSelfAssessments() throws Exception {
        String page = mvc.perform(get("/").with(authentication(new CallerAuthentication(
                        fixture.secretaryOf(fixture.chapterA)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"evaluation-home\"", "Chi bộ A " + fixture.prefix,
                "1/2 đảng viên chưa nộp bản tự kiểm điểm",
                "/evaluation/cycles/" + cycle.id() + "/self-assessments?organization=" + fixture.chapterA.value());
        String member = mvc.perform(get("/").param("lang", "en").with(authentication(new CallerAuthentication(
                        fixture.member(fixture.an)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(member).contains("/evaluation/cycles/" + cycle.id() + "/self-assessment\"", "Submitted",
                "My rating for " + YEAR, "Excellent (HTXSNV)", "/evaluation/my-ratings");
    }

    @Test
    void aSecretaryIsToldWhoIsDueAReminderUntilRemindedOrSubmitted() throws Exception {
        Caller secretary = fixture.secretaryOf(fixture.chapterA);
        // Bình has not submitted and was never reminded
        assertThat(chapterLines(secretary)).extracting("remindersDue", "deadlinePassed").containsExactly(tuple(1L,
                false));
        assertThat(page(secretary, "vi")).contains("1 đảng viên cần nhắc nộp bản tự kiểm điểm",
                "class=\"reminders-due\" href=\"/evaluation/cycles/" + cycle.id() + "/self-assessments?organization="
                        + fixture.chapterA.value() + "\"");

        assessments.remind(cycle.id(), fixture.chapterA.value(), null, secretary);
        assertThat(chapterLines(secretary)).extracting("remindersDue").containsExactly(0L);
        assertThat(page(secretary, "en")).contains("1 of 2 members have not submitted")
                .doesNotContain("members to remind");

        // reminded more than a week ago: due again
        jdbc.sql("UPDATE evaluation.self_assessment_reminder SET reminded_at = reminded_at - interval '8 days' "
                + "WHERE cycle_id = :cycle").param("cycle", cycle.id()).update();
        assertThat(chapterLines(secretary)).extracting("remindersDue").containsExactly(1L);
        assertThat(page(secretary, "en")).contains("1 members to remind");

        assessments.submit(cycle.id(), new SelfReview("Hoàn thành công việc.", "Còn chậm.", "Sắp xếp thời gian.",
                "HTNV"), fixture.member(fixture.binh));
        assertThat(chapterLines(secretary)).extracting("notSubmitted", "remindersDue").containsExactly(tuple(0L, 0L));
        assertThat(page(secretary, "vi")).contains("Tất cả đã nộp bản tự kiểm điểm").doesNotContain("cần nhắc");
    }

    @Test
    void aSecretaryIsToldTheDeadlinePassedWithMembersNotSubmittedAndNobodyIsDueAReminderThen() throws Exception {
        Caller secretary = fixture.secretaryOf(fixture.committee);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        assessments.setDeadline(cycle.id(), yesterday, EVALUATOR);
        assertThat(chapterLines(secretary)).extracting("notSubmitted", "deadlinePassed", "remindersDue")
                .containsExactly(tuple(2L, true, 0L));
        String day = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(yesterday);
        assertThat(page(secretary, "vi")).contains("Đã quá hạn nộp (" + day + "): 2 đảng viên chưa nộp")
                .doesNotContain("cần nhắc");
        assertThat(page(secretary, "en")).contains("The deadline (" + day + ") has passed: 2 members have not "
                + "submitted");

        // the deadline moved to tomorrow: not passed, and the two are due a reminder again
        assessments.setDeadline(cycle.id(), yesterday.plusDays(2), EVALUATOR);
        assertThat(chapterLines(secretary)).extracting("deadlinePassed", "remindersDue")
                .containsExactly(tuple(false, 2L));
        assertThat(page(secretary, "vi")).doesNotContain("Đã quá hạn nộp").contains("2 đảng viên cần nhắc");
    }

    /** The home page with its runs of white space made one space (the template breaks long tags). */
    private String page(Caller caller, String lang) throws Exception {
        return mvc.perform(get("/").param("lang", lang).with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
    }

    private List<?> chapterLines(Caller secretary) {
        List<?> lines = (List<?>) section.model(secretary).get("evaluationChapterCycles");
        assertThat(lines).isNotNull();
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<SelfAssessmentView> mine(Map<String, Object> model) {
        return (List<SelfAssessmentView>) model.get("evaluationMyCycles");
    }
}
