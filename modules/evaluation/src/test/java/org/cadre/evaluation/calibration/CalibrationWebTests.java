package org.cadre.evaluation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.calibration.CalibrationFixture.EVALUATOR;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.ReviewForm;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The cycle page lists the quota cases with where each stands and links to them; a case's page renders in
 * Vietnamese and English with the candidates, their levels and the self-assessed one, takes the committee's choice
 * (a refused form comes back with its reason and writes nothing) and then shows the outcome; the API decides and
 * answers refusals as problems; secretaries and members may do neither.
 */
@CalibrationModuleTest
class CalibrationWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    Calibrations calibrations;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChapterReviews reviews;

    CalibrationFixture f;
    UUID cycle;
    UUID caseId;
    String page;
    String api;

    @BeforeEach
    void oneCase() {
        CalibrationFixture.activatePack(registry);
        f = new CalibrationFixture(organizations, members);
        f.awaitProjection(jdbc);
        cycle = f.open(cycles);
        f.rate(jdbc, cycle, "HTXSNV", f.an, f.binh, f.cuong);
        f.rate(jdbc, cycle, "HTTNV", f.em, f.phong);
        // An proposed herself one level lower
        jdbc.sql("""
                INSERT INTO evaluation.self_assessment (cycle_id, member_id, strengths, shortcomings, remedies, level,
                    status, saved_at, submitted_at) VALUES (:cycle, :member, 'a', 'b', 'c', 'HTTNV', 'SUBMITTED', now(),
                    now())
                """).param("cycle", cycle).param("member", f.an.value()).update();
        // Bình's chapter proposed one level lower, before the run (so with its reason)
        reviews.propose(cycle, f.binh.value(), new ReviewForm("Tích cực", "HTTNV", "Chưa có thành tích nổi bật"),
                EVALUATOR);
        CalibrationFixture.run(cycles, cycle);
        caseId = f.caseOf(calibrations, cycle, "HTXSNV").caseId();
        page = "/evaluation/cycles/" + cycle + "/calibrations";
        api = "/api/evaluation/cycles/" + cycle + "/calibrations";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theCasePageRendersInBothLanguagesTakesTheChoiceAndShowsTheOutcome() throws Exception {
        mvc.perform(get("/evaluation/cycles/" + cycle).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cân đối tỷ lệ: đã quyết định 0, chưa quyết định 1")))
                .andExpect(content().string(containsString(page + "/" + caseId)));
        mvc.perform(get(page).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa quyết định: 1")))
                .andExpect(content().string(containsString("Đảng bộ Sở " + f.prefix)));
        mvc.perform(get(page + "/" + caseId).param("lang", "vi").with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("Chi bộ A " + f.prefix)))
                .andExpect(content().string(containsString("/evaluation/cycles/" + cycle + "/ratings/" + f.an.value())))
                .andExpect(content().string(containsString("Hoàn thành tốt nhiệm vụ")))
                .andExpect(content().string(containsString("name=\"keep-" + f.an.value() + "\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Ghi quyết định")))
                .andExpect(content().string(containsString("Chi bộ đề xuất")));
        String html = mvc.perform(get(page + "/" + caseId).param("lang", "vi").with(as(EVALUATOR)))
                .andReturn().getResponse().getContentAsString();
        // the chapter's proposal in Bình's row, none in An's (her chapter proposed nothing)
        assertThat(cell(html, f.binh.value(), "chapter-proposed")).isEqualTo("Hoàn thành tốt nhiệm vụ");
        assertThat(cell(html, f.an.value(), "chapter-proposed")).isEmpty();
        mvc.perform(get(page + "/" + caseId).param("lang", "en").with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Quota calibration: Đảng bộ Sở " + f.prefix
                        + ", level &quot;Excellent&quot;")))
                .andExpect(content().string(containsString("Record the decision")))
                .andExpect(content().string(not(containsString("Ghi quyết định"))));

        // two kept where one is allowed: back to the form with the reason, the choice still ticked, nothing written
        mvc.perform(post(page + "/" + caseId).with(csrf()).with(as(EVALUATOR))
                        .param("keep-" + f.an.value(), f.an.value().toString())
                        .param("keep-" + f.binh.value(), f.binh.value().toString()).param("reason", "Cả hai"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("calibration-form"),
                        containsString("tỷ lệ chỉ cho phép 1")))))
                .andExpect(flash().attribute("formValues", hasEntry("keep-" + f.binh.value(),
                        f.binh.value().toString())))
                .andExpect(flash().attribute("formValues", hasEntry("reason", "Cả hai")));
        mvc.perform(post(page + "/" + caseId).with(csrf()).with(as(EVALUATOR))
                        .param("keep-" + f.an.value(), f.an.value().toString()).param("reason", "Biểu quyết")
                        .param("votesFor", "năm"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(f.written(jdbc, caseId)).isZero();

        mvc.perform(post(page + "/" + caseId).with(csrf()).with(as(EVALUATOR))
                        .param("keep-" + f.cuong.value(), f.cuong.value().toString())
                        .param("reason", "Cường có sáng kiến được công nhận").param("votesFor", "6")
                        .param("votesAgainst", "1").param("votesAbstain", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(f.calibrated(jdbc, cycle, f.cuong)).isEqualTo("HTXSNV");
        assertThat(f.calibrated(jdbc, cycle, f.an)).isEqualTo("HTTNV");
        mvc.perform(get(page + "/" + caseId).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cường có sáng kiến được công nhận")))
                .andExpect(content().string(containsString("Tán thành 6, không tán thành 1, không biểu quyết 0")))
                .andExpect(content().string(containsString("Chuyển xuống &quot;Hoàn thành tốt nhiệm vụ&quot;")))
                .andExpect(content().string(not(containsString("name=\"reason\""))));
        mvc.perform(get(page).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã quyết định: 1")));
    }

    @Test
    void theApiDecidesAnswersRefusalsAsProblemsAndOnlyStaffMayCallIt() throws Exception {
        mvc.perform(get(api).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].caseId").value(caseId.toString()))
                .andExpect(jsonPath("$[0].status").value("OPEN"))
                .andExpect(jsonPath("$[0].allowed").value(1));
        mvc.perform(get(api + "/" + caseId).with(as(CalibrationFixture.ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates.length()").value(3))
                .andExpect(jsonPath("$.demoteTo").value("HTTNV"));

        mvc.perform(post(api + "/" + caseId + "/decision").with(csrf()).with(as(EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"keepers\":[\"" + f.em.value()
                                + "\"],\"reason\":\"Em\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("calibration-not-candidate"));
        mvc.perform(post(api + "/" + caseId + "/decision").with(csrf()).with(as(EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"keepers\":[\"" + f.an.value()
                                + "\"],\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("reason-required"));
        // a secretary of the committee and a member may neither read nor decide
        for (Caller other : new Caller[] {f.secretaryOf(f.committee), f.member(f.an)}) {
            mvc.perform(get(api).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get(page + "/" + caseId).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(post(api + "/" + caseId + "/decision").with(csrf()).with(as(other))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"keepers\":[\"" + f.an.value()
                                    + "\"],\"reason\":\"Tự chọn\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(f.written(jdbc, caseId)).isZero();

        mvc.perform(post(api + "/" + caseId + "/decision").with(csrf()).with(as(EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"keepers\":[\"" + f.an.value()
                                + "\"],\"reason\":\"An\",\"votesFor\":3,\"votesAgainst\":0,\"votesAbstain\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.decision.keepers[0]").value(f.an.value().toString()))
                .andExpect(jsonPath("$.decision.movedDown.length()").value(2))
                .andExpect(jsonPath("$.decision.votesAbstain").value(1));
        mvc.perform(post(api + "/" + caseId + "/decision").with(csrf()).with(as(EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"keepers\":[],\"reason\":\"Lại\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("calibration-decided"));
    }

    /** The text of a candidate's cell of a class on the case page. */
    private static String cell(String html, UUID subject, String cssClass) {
        String row = html.substring(html.indexOf("id=\"candidate-" + subject + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"" + cssClass + "\"[^>]*>([^<]*)</td>")
                .matcher(row);
        assertThat(m.find()).as("a %s cell in the row of %s", cssClass, subject).isTrue();
        return m.group(1).strip();
    }
}
