package org.cadre.evaluation.appeals;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.FileAppeal;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The member's ratings page shows the decided level and "Appeal" with its last day, in Vietnamese and English; the
 * form files an appeal (a refused one comes back with its reason and writes nothing); the competent level reads the
 * list and the case, notes and decides from the pages; outsiders get 403; the API answers with problems.
 */
@AppealsModuleTest
class AppealWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Appeals appeals;
    @Autowired
    Cycles cycles;
    @Autowired
    Decisions decisions;
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

    AppealFixture f;
    String list;
    String api;

    @BeforeEach
    void signed() {
        f = new AppealFixture(organizations, members, registry, cycles, decisions, jdbc);
        f.sign(f.committee, "MEMBER", f.committee, Map.of(f.an.value(), "HTNV",
                f.binh.value(), "HTTNV"));
        f.sign(f.committee, "ORGANIZATION", f.bloc, Map.of(f.committee.value(), "HTNV"));
        list = "/evaluation/cycles/" + f.cycle + "/appeals";
        api = "/api/evaluation/cycles/" + f.cycle + "/appeals";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theMemberSeesTheDecidedLevelAndAppealsFromTheirPage() throws Exception {
        Caller an = f.member(f.an);
        String lastDay = LocalDate.now(clock).plusDays(29).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mvc.perform(get("/evaluation/my-ratings").param("lang", "vi").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mức được quyết định")))
                .andExpect(content().string(containsString("Hoàn thành nhiệm vụ")))
                .andExpect(content().string(containsString("/evaluation/cycles/" + f.cycle + "/my-appeal")))
                .andExpect(content().string(containsString("Hạn cuối: " + lastDay)));
        mvc.perform(get("/evaluation/my-ratings").param("lang", "en").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Decided level")))
                .andExpect(content().string(containsString("Last day: " + lastDay)))
                .andExpect(content().string(not(containsString("Mức được quyết định"))));
        String form = "/evaluation/cycles/" + f.cycle + "/my-appeal";
        mvc.perform(get(form).with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lý do khiếu nại")))
                .andExpect(content().string(containsString("Hoàn thành tốt nhiệm vụ")));

        AppealFixture.Written before = f.written();
        mvc.perform(post(form).with(csrf()).with(as(an)).param("grounds", " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(f.written()).isEqualTo(before);
        mvc.perform(post(form).with(csrf()).with(as(an)).param("grounds", "Tôi dự họp đủ.")
                        .param("requestedLevel", "HTTNV"))
                .andExpect(redirectedUrl("/evaluation/my-ratings")).andExpect(flash().attributeExists("notice"));
        assertThat(f.written().appeals()).isEqualTo(1);
        mvc.perform(get("/evaluation/my-ratings").with(as(an))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đang xem xét lại")))
                .andExpect(content().string(containsString("Tôi dự họp đủ.")))
                .andExpect(content().string(not(containsString("Hạn cuối: " + lastDay))));
        // the staff's pages are not the member's
        mvc.perform(get(list).with(as(an))).andExpect(status().isForbidden());
    }

    @Test
    void theCompetentLevelReadsNotesAndDecidesFromThePages() throws Exception {
        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Tôi dự họp đủ.", null), f.member(f.an));
        Caller committee = f.secretaryOf(f.committee);
        String one = list + "/" + filed.id();
        mvc.perform(get(list).with(as(committee))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("Đang xem xét lại")))
                // the secretary may appeal their organization's level from here
                .andExpect(content().string(containsString("organization-appeal-form")));
        mvc.perform(get(one).param("lang", "en").with(as(committee))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tôi dự họp đủ.")))
                .andExpect(content().string(containsString("/evaluation/cycles/" + f.cycle + "/ratings/" + f.an.value())))
                .andExpect(content().string(containsString("Decide the appeal")));
        mvc.perform(post(one + "/notes").with(csrf()).with(as(committee)).param("text", "Đối chiếu sổ họp."))
                .andExpect(redirectedUrl(one));
        mvc.perform(post(one + "/decision").with(csrf()).with(as(committee)).param("outcome", "CHANGED")
                        .param("level", "HTTNV").param("reason", "Vắng có lý do."))
                .andExpect(redirectedUrl(one));
        mvc.perform(get(one).with(as(committee))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Xếp loại lại: Hoàn thành tốt nhiệm vụ")))
                .andExpect(content().string(containsString("Đối chiếu sổ họp.")))
                .andExpect(content().string(not(containsString("id=\"decide-form\""))));
        assertThat(f.decided(f.an.value())).isEqualTo("HTTNV/APPEAL");

        // the secretary files the organization's appeal from the list page
        mvc.perform(post(list).with(csrf()).with(as(committee)).param("organization", f.committee.value().toString())
                        .param("grounds", "Đảng bộ hoàn thành mọi chỉ tiêu."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(f.written().appeals()).isEqualTo(2);
    }

    @Test
    void outsidersAreRefusedAndTheApiAnswersWithProblems() throws Exception {
        Caller an = f.member(f.an);
        mvc.perform(post(api).with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grounds\": \"Tôi dự họp đủ.\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.subject").value(f.an.value().toString()));
        AppealFixture.Written before = f.written();
        mvc.perform(post(api).with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grounds\": \"Lần nữa.\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("appeal-exists"));
        mvc.perform(post(api).with(csrf()).with(as(an)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"" + f.binh.value() + "\", \"grounds\": \"Thay Bình.\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("not-allowed"));
        String id = appeals.mine(an).get(0).id().toString();
        mvc.perform(post(api + "/" + id + "/decision").with(csrf()).with(as(f.secretaryOf(f.grassrootsChapter)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"" + AppealOutcome.CHANGED + "\", \"level\": \"HTTNV\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("not-competent"));
        mvc.perform(get(list).with(as(AppealFixture.REVIEWER))).andExpect(status().isForbidden());
        mvc.perform(post(api + "/" + id + "/notes").with(csrf()).with(as(AppealFixture.REVIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(api + "/window").with(csrf()).with(as(AppealFixture.EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\": 366}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("appeal-window-out-of-range"));
        mvc.perform(put(api + "/window").with(csrf()).with(as(f.secretaryOf(f.committee)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\": 60}"))
                .andExpect(status().isForbidden());
        assertThat(f.written()).isEqualTo(before);

        mvc.perform(get("/api/evaluation/my-appeals").with(as(an))).andExpect(status().isOk())
                .andExpect(jsonPath("$.appeals[0].status").value("OPEN"))
                .andExpect(jsonPath("$.appeals[0].steps[0].kind").value("FILED"))
                .andExpect(jsonPath("$.ratings[0].level").value("HTNV"));
        mvc.perform(put(api + "/window").with(csrf()).with(as(AppealFixture.EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\": 60}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(60));
    }
}
