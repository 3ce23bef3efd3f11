package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two evaluators on one draft decision list: both load a subject's row, the first decides, the second's save of the
 * same row is refused as an edit conflict (the page's form error, 409 on the API) and the first level is kept.
 */
@DecisionsModuleTest
class DecisionEditConflictTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
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

    DecisionFixture f;
    String page;
    String api;
    UUID list;
    Caller other = Caller.of("eva-2", Role.EVALUATOR);

    @BeforeEach
    void run() {
        DecisionFixture.activatePack(registry);
        f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
        list = decisions.lists(f.cycle, EVALUATOR).stream()
                .filter(s -> s.organization().equals(f.committee.value()) && s.kind().equals("MEMBER"))
                .map(DecisionSummary::id).findFirst().orElseThrow();
        page = "/evaluation/cycles/" + f.cycle + "/decisions/" + list;
        api = "/api/evaluation/cycles/" + f.cycle + "/decisions/" + list + "/items/" + f.an.value();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void onThePageTheSecondEvaluatorsSaveOfTheSameRowIsRefused() throws Exception {
        String first = rowVersion(EVALUATOR);
        String second = rowVersion(other);
        mvc.perform(post(page + "/items").with(csrf()).with(as(EVALUATOR)).param("version", first)
                        .param("subject", f.an.value().toString()).param("level", "HTNV")
                        .param("reason", "Chưa hoàn thành chỉ tiêu quý IV."))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post(page + "/items").with(csrf()).with(as(other)).param("version", second)
                        .param("subject", f.an.value().toString()).param("level", "KHTNV")
                        .param("reason", "Vi phạm"))
                .andExpect(flash().attribute("formError", hasToString(containsString("Người khác đã sửa bản ghi này"))));
        assertThat(level()).isEqualTo("HTNV");
    }

    @Test
    void throughTheApiTheStalePutIsA409AndTheCurrentOneGoesThrough() throws Exception {
        String etag = mvc.perform(get(api).with(as(EVALUATOR))).andExpect(status().isOk()).andReturn()
                .getResponse().getHeader("ETag");
        String after = mvc.perform(put(api).with(csrf()).with(as(EVALUATOR)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HTNV\",\"reason\":\"Chưa hoàn thành chỉ tiêu.\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(put(api).with(csrf()).with(as(other)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("edit-conflict"));
        assertThat(level()).isEqualTo("HTNV");
        mvc.perform(put(api).with(csrf()).with(as(other)).header("If-Match", after)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"\"}"))
                .andExpect(status().isOk());
        assertThat(level()).isNotEqualTo("HTNV");
    }

    private String level() {
        return decisions.decision(f.cycle, list, EVALUATOR).items().stream()
                .filter(i -> i.subject().equals(f.an.value())).findFirst().map(DecisionView.Item::level)
                .orElseThrow();
    }

    private String rowVersion(Caller caller) throws Exception {
        String html = mvc.perform(get(page).with(as(caller))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher row = Pattern.compile("name=\"subject\" value=\"" + f.an.value()
                + "\">\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(row.find()).as("the row's form carries its version").isTrue();
        return row.group(1);
    }
}
