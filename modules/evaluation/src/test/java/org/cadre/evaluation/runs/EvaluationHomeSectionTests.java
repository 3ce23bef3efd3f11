package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
 * many of their organization's members have not submitted, a member their self-assessment and rating, a reviewer
 * nothing.
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
