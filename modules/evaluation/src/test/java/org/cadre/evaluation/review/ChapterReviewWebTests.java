package org.cadre.evaluation.review;

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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.ReviewForm;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.HomeSection;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The review list, a member's review page and the requests page render in Vietnamese and English with what the
 * chapter weighs; a refused form comes back with its reason and writes nothing; the API answers refusals as problems
 * and keeps members and reviewers out; the secretary's home page counts what waits.
 */
@ReviewModuleTest
class ChapterReviewWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ChapterReviews reviews;
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
    List<HomeSection> sections;

    ReviewFixture f;
    Caller secretaryA;
    String page;
    String api;

    @BeforeEach
    void tree() {
        f = new ReviewFixture(organizations, members, registry, jdbc);
        secretaryA = f.secretaryOf(f.chapterA);
        page = "/evaluation/cycles/" + f.cycle + "/review";
        api = "/api/evaluation/cycles/" + f.cycle + "/review";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theListAndTheMembersPageShowWhatTheChapterWeighsAndTakeTheProposal() throws Exception {
        assessments.submit(f.cycle, ReviewFixture.FULL, f.member(f.an));
        jdbc.sql("""
                INSERT INTO evaluation.criterion_entry (cycle_id, subject_id, criterion, level, entered_by, entered_at)
                VALUES (:cycle, :member, 'CHINH_TRI', 'T', 'test', :at)
                """).param("cycle", f.cycle).param("member", f.an.value()).param("at", OffsetDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO evaluation.residence_comment (cycle_id, member_id, stance, text, received_on, entered_by,
                    entered_at) VALUES (:cycle, :member, 'POSITIVE', 'Gương mẫu ở khu dân cư', '2005-11-02', 'test', :at)
                """).param("cycle", f.cycle).param("member", f.an.value()).param("at", OffsetDateTime.now()).update();

        mvc.perform(get(page).param("lang", "vi").with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhận xét, đề xuất của Chi bộ A " + f.prefix)))
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("/ratings/" + f.an.value())))
                .andExpect(content().string(containsString("Hoàn thành tốt nhiệm vụ")))
                .andExpect(content().string(not(containsString("Lê Đức Cường"))));
        mvc.perform(get(page).param("lang", "en").with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Review and proposals of Chi bộ A " + f.prefix)))
                .andExpect(content().string(containsString("Not reviewed")));
        String member = page + "/members/" + f.an.value();
        mvc.perform(get(member).param("lang", "vi").with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lập kế hoạch công việc hằng tuần.")))
                .andExpect(content().string(containsString("[R-TT]")))
                .andExpect(content().string(containsString("CHINH_TRI")))
                .andExpect(content().string(containsString("Gương mẫu ở khu dân cư")))
                .andExpect(content().string(containsString("/inputs/members/" + f.an.value())))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get(page + "/members/" + f.binh.value()).param("lang", "en").with(as(secretaryA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Transferred in during the year, from Chi bộ Ban")));

        // a level other than the engine's without a reason: back to the form, nothing written
        String before = f.snapshot();
        mvc.perform(post(member).with(csrf()).with(as(secretaryA)).param("comment", "Gương mẫu")
                        .param("level", "HTXSNV").param("action", "propose"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(f.snapshot()).isEqualTo(before);
        mvc.perform(post(member).with(csrf()).with(as(secretaryA)).param("comment", "Gương mẫu")
                        .param("level", "HTXSNV").param("reason", "Dẫn đầu phong trào").param("action", "propose"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(reviews.member(f.cycle, f.an.value(), secretaryA).status()).isEqualTo(ReviewStatus.PROPOSED);
        mvc.perform(get(page).with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã đề xuất 1/2")));
        // ask chapter Ban about Bình on the page, answer on the requests page
        mvc.perform(post(page + "/members/" + f.binh.value() + "/comment-requests").with(csrf()).with(as(secretaryA))
                        .param("organization", f.elsewhere.value().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        CommentRequestView asked = reviews.toAnswer(f.secretaryOf(f.elsewhere)).get(0);
        mvc.perform(get(page + "/comment-requests").with(as(f.secretaryOf(f.elsewhere)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trần Văn Bình")));
        mvc.perform(post(page + "/comment-requests/" + asked.id() + "/answer").with(csrf())
                        .with(as(f.secretaryOf(f.elsewhere))).param("stance", "CONCERN").param("text", "Còn chậm"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        String answered = f.snapshot();
        mvc.perform(post(page + "/comment-requests/" + asked.id() + "/answer").with(csrf())
                        .with(as(f.secretaryOf(f.elsewhere))).param("stance", "POSITIVE"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(f.snapshot()).isEqualTo(answered);
        // members and reviewers have no review page
        mvc.perform(get(page).with(as(f.member(f.an)))).andExpect(status().isForbidden());
        mvc.perform(get(member).with(as(ReviewFixture.REVIEWER))).andExpect(status().isForbidden());
    }

    @Test
    void theApiProposesAndAnswersRefusalsAsProblemsWritingNothing() throws Exception {
        String an = api + "/members/" + f.an.value();
        mvc.perform(put(an).with(csrf()).with(as(secretaryA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"Tốt\",\"level\":\"HTNV\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        String before = f.snapshot();
        mvc.perform(post(an + "/proposal").with(csrf()).with(as(secretaryA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"Tốt\",\"level\":\"HTNV\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.reason").value("reason-required"))
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post(an + "/proposal").with(csrf()).with(as(secretaryA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"XYZ\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("level-not-in-scale")).andExpect(jsonPath("$.field").value("level"));
        mvc.perform(post(api + "/members/" + f.cuong.value() + "/proposal").with(csrf()).with(as(secretaryA))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"HTNV\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("out-of-scope"));
        mvc.perform(post(an + "/proposal").with(csrf()).with(as(f.member(f.an))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HTTNV\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(an + "/proposal").with(csrf()).with(as(ReviewFixture.REVIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"HTTNV\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(an + "/self-assessment/return").with(csrf()).with(as(secretaryA))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Sửa phần 2\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("self-assessment-not-submitted"));
        assertThat(f.snapshot()).isEqualTo(before);

        mvc.perform(post(an + "/proposal").with(csrf()).with(as(secretaryA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"Tốt\",\"level\":\"HTTNV\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.engineLevel").value("HTTNV"));
        mvc.perform(get(api).with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2)).andExpect(jsonPath("$.rows[0].status").value("PROPOSED"));
        String request = mvc.perform(post(an + "/comment-requests").with(csrf()).with(as(secretaryA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization\":\"" + f.chapterB.value() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("TEMPORARY"))
                .andReturn().getResponse().getContentAsString();
        String id = request.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(get(api + "/comment-requests").with(as(f.secretaryOf(f.chapterB)))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(post(api + "/comment-requests/" + id + "/answer").with(csrf()).with(as(f.secretaryOf(f.chapterB)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stance\":\"POSITIVE\",\"text\":\"Tốt\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stance").value("POSITIVE"));
        mvc.perform(post(api + "/comment-requests/" + id + "/answer").with(csrf()).with(as(f.secretaryOf(f.chapterB)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stance\":\"POSITIVE\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("comment-already-given"));

        assessments.submit(f.cycle, ReviewFixture.FULL, f.member(f.an));
        mvc.perform(post(an + "/self-assessment/return").with(csrf()).with(as(secretaryA))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Sửa phần 2\"}"))
                .andExpect(status().isNoContent());
        assertThat(assessments.mine(f.cycle, f.member(f.an)).status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        mvc.perform(get("/evaluation/cycles/" + f.cycle + "/self-assessment").with(as(f.member(f.an))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sửa phần 2")));

        // another chapter answering, another chapter sending back, then a closed cycle: refused, nothing written
        assessments.submit(f.cycle, ReviewFixture.FULL, f.member(f.an));
        String submitted = f.snapshot();
        mvc.perform(post(an + "/self-assessment/return").with(csrf()).with(as(f.secretaryOf(f.chapterB)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Sửa\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("out-of-scope"));
        mvc.perform(get(api).with(as(ReviewFixture.REVIEWER))).andExpect(status().isForbidden());
        f.close();
        mvc.perform(post(an + "/proposal").with(csrf()).with(as(secretaryA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HTTNV\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("cycle-closed"));
        mvc.perform(post(an + "/self-assessment/return").with(csrf()).with(as(secretaryA))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Sửa\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("cycle-closed"));
        assertThat(f.snapshot()).isEqualTo(submitted);
    }

    @Test
    void theSecretarysListSendsBackAndTheHomePageCountsWhatWaits() throws Exception {
        assessments.submit(f.cycle, ReviewFixture.FULL, f.member(f.an));
        String list = "/evaluation/cycles/" + f.cycle + "/self-assessments";
        mvc.perform(get(list).with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/self-assessments/members/" + f.an.value() + "/return")));
        String before = f.snapshot();
        mvc.perform(post(list + "/members/" + f.an.value() + "/return").with(csrf()).with(as(secretaryA))
                        .param("organization", f.chapterA.value().toString()).param("reason", " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(f.snapshot()).isEqualTo(before);
        mvc.perform(post(list + "/members/" + f.an.value() + "/return").with(csrf()).with(as(secretaryA))
                        .param("organization", f.chapterA.value().toString()).param("reason", "Thiếu nguyên nhân"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(assessments.mine(f.cycle, f.member(f.an)).returnedReason()).isEqualTo("Thiếu nguyên nhân");

        HomeSection home = sections.stream().filter(s -> s.template().equals("evaluation/home")).findFirst()
                .orElseThrow();
        reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTTNV", null), secretaryA);
        reviews.requestComment(f.cycle, f.an.value(), f.chapterB.value(), secretaryA);
        Map<String, Object> model = home.model(secretaryA);
        assertThat((List<?>) model.get("evaluationProposalsToMake")).singleElement().hasFieldOrPropertyWithValue(
                "toPropose", 1L).hasFieldOrPropertyWithValue("members", 2);
        assertThat(home.model(f.secretaryOf(f.chapterB)).get("evaluationRequestsToAnswer")).asList()
                .singleElement().hasFieldOrPropertyWithValue("requests", 1);
        assertThat(home.model(f.secretaryOf(f.elsewhere))).doesNotContainKey("evaluationRequestsToAnswer");
        mvc.perform(get("/").with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đề xuất mức chờ chi bộ")))
                .andExpect(content().string(containsString("1/2 đảng viên chưa có đề xuất")))
                .andExpect(content().string(containsString("/evaluation/cycles/" + f.cycle + "/review?organization="
                        + f.chapterA.value())));
        mvc.perform(get("/").param("lang", "en").with(as(f.secretaryOf(f.chapterB)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 requests not answered")))
                .andExpect(content().string(containsString("/evaluation/cycles/" + f.cycle
                        + "/review/comment-requests")));
        mvc.perform(get("/evaluation/cycles/" + f.cycle).with(as(secretaryA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evaluation/cycles/" + f.cycle + "/review")));
    }
}
