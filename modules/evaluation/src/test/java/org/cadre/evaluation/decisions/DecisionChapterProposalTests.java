package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.ReviewForm;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The competent level sees, beside each member's engine level and proposal after calibration, what the member's
 * chapter proposed in its review (a proposal, not a draft), whether the chapter gave a reason (with a link to the
 * review), and, marked, where the chapter disagrees with the proposal after calibration: in the view, the JSON and
 * the page.
 */
@DecisionsModuleTest
class DecisionChapterProposalTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    ChapterReviews reviews;
    @Autowired
    Cycles cycles;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theChaptersProposalStandsBesideTheCalibratedOneAndADisagreementIsMarked() throws Exception {
        DecisionFixture.activatePack(registry);
        DecisionFixture f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
        UUID list = decisions.lists(f.cycle, EVALUATOR).stream()
                .filter(s -> s.organization().equals(f.committee.value()) && s.kind().equals("MEMBER"))
                .map(DecisionSummary::id).findFirst().orElseThrow();
        // everyone was rated excellent; the committee keeps An there, Bình and Cường move down to HTTNV
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        Caller chapterA = f.secretary(f.chapterA);
        reviews.propose(f.cycle, f.an.value(), new ReviewForm("Hoàn thành tốt.", "HTTNV",
                "Chưa có sáng kiến nổi bật trong năm."), chapterA);
        reviews.propose(f.cycle, f.binh.value(), new ReviewForm(null, "HTTNV", "Theo tỷ lệ của đảng bộ."), chapterA);
        // a draft is not the chapter's word yet
        reviews.saveDraft(f.cycle, f.cuong.value(), new ReviewForm("Nháp", "HTNV", "Còn bàn"),
                f.secretary(f.chapterB));

        DecisionView view = decisions.decision(f.cycle, list, EVALUATOR);
        DecisionView.Item an = item(view, f.an.value());
        assertThat(an.proposedLevel()).isEqualTo("HTXSNV");
        assertThat(an.chapterLevel()).isEqualTo("HTTNV");
        assertThat(an.chapterReasoned()).isTrue();
        assertThat(an.chapterDisagrees()).isTrue();
        DecisionView.Item binh = item(view, f.binh.value());
        assertThat(binh.proposedLevel()).isEqualTo("HTTNV");
        assertThat(binh.chapterLevel()).isEqualTo("HTTNV");
        assertThat(binh.chapterDisagrees()).isFalse();
        DecisionView.Item cuong = item(view, f.cuong.value());
        assertThat(cuong.chapterLevel()).isNull();
        assertThat(cuong.chapterReasoned()).isFalse();
        assertThat(cuong.chapterDisagrees()).isFalse();

        String api = "/api/evaluation/cycles/" + f.cycle + "/decisions/" + list;
        mvc.perform(get(api).with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.subject == '" + f.an.value() + "')].chapterLevel")
                        .value(contains("HTTNV")))
                .andExpect(jsonPath("$.items[?(@.subject == '" + f.an.value() + "')].chapterReasoned")
                        .value(contains(true)))
                .andExpect(jsonPath("$.items[?(@.subject == '" + f.an.value() + "')].chapterDisagrees")
                        .value(contains(true)))
                .andExpect(jsonPath("$.items[?(@.subject == '" + f.binh.value() + "')].chapterDisagrees")
                        .value(contains(false)));

        String page = "/evaluation/cycles/" + f.cycle + "/decisions/" + list;
        String html = mvc.perform(get(page).param("lang", "vi").with(as(f.secretary(f.committee))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đề xuất của chi bộ")))
                .andReturn().getResponse().getContentAsString();
        String anRow = row(html, f.prefix + "-1");
        assertThat(anRow).contains("chapter-disagrees").contains("Chi bộ đề xuất khác mức sau cân đối")
                .contains("(có lý do)").contains("href=\"/evaluation/cycles/" + f.cycle + "/review/members/"
                        + f.an.value() + "\"");
        String binhRow = row(html, f.prefix + "-2");
        assertThat(binhRow).doesNotContain("chapter-disagrees").contains("/review/members/" + f.binh.value());
        assertThat(row(html, f.prefix + "-3")).contains("Chưa đề xuất").doesNotContain("/review/members/");
        mvc.perform(get(page).param("lang", "en").with(as(EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Not proposed")))
                .andExpect(content().string(containsString(
                        "The chapter proposed a different level from the calibrated proposal")))
                .andExpect(content().string(not(containsString("Chưa đề xuất"))));
    }

    private static DecisionView.Item item(DecisionView view, UUID subject) {
        return view.items().stream().filter(i -> i.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** The table row of a subject, by its card number. */
    private static String row(String html, String code) {
        int start = html.indexOf("id=\"item-" + code + "\"");
        assertThat(start).as("row of " + code).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }
}
