package org.cadre.evaluation.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The member's page (a textarea per heading, the level with its label, draft and submit) and the secretary's list
 * render in Vietnamese and English; a refused form comes back with its reason and writes nothing; the API answers
 * refusals as problems with their reason, and only members write their own.
 */
@SelfAssessmentModuleTest
class SelfAssessmentWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SelfAssessments assessments;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    SelfAssessmentFixture f;
    String page;
    String api;

    @BeforeEach
    void tree() {
        f = new SelfAssessmentFixture(organizations, members, registry, jdbc);
        page = "/evaluation/cycles/" + f.cycle + "/self-assessment";
        api = "/api/evaluation/cycles/" + f.cycle + "/self-assessment";
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theMembersPageRendersInVietnameseAndEnglishAndTakesADraftThenTheSubmission() throws Exception {
        Caller an = f.member(f.an);
        mvc.perform(get(page).param("lang", "vi").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bản tự kiểm điểm năm 2005")))
                .andExpect(content().string(containsString("2. Hạn chế, khuyết điểm và nguyên nhân")))
                .andExpect(content().string(containsString("<textarea id=\"remedies\"")))
                .andExpect(content().string(containsString("Hoàn thành tốt nhiệm vụ")))
                .andExpect(content().string(containsString("Lưu nháp")))
                .andExpect(content().string(containsString("Nộp bản kiểm điểm")))
                .andExpect(content().string(containsString("Chưa viết")));
        mvc.perform(get(page).param("lang", "en").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Self-assessment for 2005")))
                .andExpect(content().string(containsString("2. Shortcomings, failings and their causes")))
                .andExpect(content().string(containsString("Good")))
                .andExpect(content().string(containsString("Save draft")))
                .andExpect(content().string(not(containsString("Lưu nháp"))));

        mvc.perform(post(page).with(csrf()).with(as(an)).param("strengths", "Làm tốt việc chuyên môn")
                        .param("level", "HTTNV").param("action", "draft"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(assessments.mine(f.cycle, an).status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        // submitting with part 2 empty: back to the form with the reason, still a draft
        mvc.perform(post(page).with(csrf()).with(as(an)).param("strengths", "Làm tốt việc chuyên môn")
                        .param("remedies", "Sắp xếp thời gian").param("level", "HTTNV").param("action", "submit"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(assessments.mine(f.cycle, an).status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        mvc.perform(post(page).with(csrf()).with(as(an)).param("strengths", "Làm tốt việc chuyên môn")
                        .param("shortcomings", "Chậm báo cáo").param("remedies", "Sắp xếp thời gian")
                        .param("level", "HTTNV").param("action", "submit"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(assessments.mine(f.cycle, an).status()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
        mvc.perform(get(page).with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nộp")))
                .andExpect(content().string(not(containsString("name=\"action\""))));

        mvc.perform(get("/evaluation/self-assessment").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString(f.cycle.toString())));
        // a reviewer or staff have no self-assessment page
        mvc.perform(get(page).with(as(SelfAssessmentFixture.EVALUATOR))).andExpect(status().isForbidden());
    }

    @Test
    void theApiSavesTheCallersOwnAndAnswersRefusalsAsProblems() throws Exception {
        Caller an = f.member(f.an);
        mvc.perform(put(api).with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strengths\":\"Tốt\",\"level\":\"HTNV\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.member").value(f.an.value().toString()))
                .andExpect(jsonPath("$.review.level").value("HTNV"));
        mvc.perform(post(api + "/submission").with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strengths\":\"a\",\"shortcomings\":\"b\",\"remedies\":\"c\",\"level\":\"XYZ\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("level-not-in-scale"));
        // another member's write lands on their own, An's draft stays
        mvc.perform(put(api).with(csrf()).with(as(f.member(f.binh))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strengths\":\"Của Bình\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.member").value(f.binh.value().toString()));
        assertThat(assessments.mine(f.cycle, an).review()).isEqualTo(new SelfReview("Tốt", null, null, "HTNV"));
        // a member does not read the chapter's list; the secretary does
        mvc.perform(get(api + "/members").with(as(an))).andExpect(status().isForbidden());
        mvc.perform(get(api + "/members").param("organization", f.chapterA.value().toString())
                        .with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2));
        mvc.perform(get(api + "/members").param("organization", f.chapterB.value().toString())
                        .with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("out-of-scope"));
        // the deadline passed: 409 with the day
        mvc.perform(put(api + "/deadline").with(csrf()).with(as(SelfAssessmentFixture.EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deadline\":\"" + LocalDate.now(clock).minusDays(1) + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post(api + "/submission").with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strengths\":\"a\",\"shortcomings\":\"b\",\"remedies\":\"c\",\"level\":\"HTNV\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("self-assessment-deadline-passed"));
        assertThat(assessments.mine(f.cycle, an).status()).isEqualTo(SelfAssessmentStatus.DRAFT);
    }

    @Test
    void theSecretarysListRendersInBothLanguagesAndRemindsWhoHasNotSubmitted() throws Exception {
        assessments.submit(f.cycle, SelfAssessmentFixture.FULL, f.member(f.an));
        Caller secretary = f.secretaryOf(f.chapterA);
        String list = "/evaluation/cycles/" + f.cycle + "/self-assessments";
        mvc.perform(get(list).param("lang", "vi").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tự kiểm điểm của đảng viên: Chi bộ A " + f.prefix
                        + ", năm 2005")))
                .andExpect(content().string(containsString("Đã nộp: 1")))
                .andExpect(content().string(containsString("Chưa viết: 1")))
                .andExpect(content().string(containsString("Hoàn thành tốt nhiệm vụ")))
                .andExpect(content().string(containsString("Nhắc tất cả đảng viên chưa nộp")))
                .andExpect(content().string(not(containsString("deadline-form"))));
        mvc.perform(get(list).param("lang", "en").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Members&#39; self-assessments: Chi bộ A " + f.prefix
                        + ", 2005")))
                .andExpect(content().string(containsString("Not started: 1")))
                .andExpect(content().string(containsString("Good")));
        mvc.perform(get(list).with(as(SelfAssessmentFixture.EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("deadline-form")));

        mvc.perform(post(list + "/reminders").with(csrf()).with(as(secretary))
                        .param("organization", f.chapterA.value().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(assessments.mine(f.cycle, f.member(f.binh)).remindedAt()).isNotNull();
        mvc.perform(get(page).with(as(f.member(f.binh)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chi bộ đã nhắc bạn")));
        mvc.perform(get(list).with(as(f.member(f.binh)))).andExpect(status().isForbidden());
    }
}
