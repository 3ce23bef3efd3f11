package org.cadre.evaluation.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.evaluation.SelfAssessments;
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
 * A member edits their self-assessment in two places (a phone and a desk): the later save of a draft loaded before
 * the other's save is refused as an edit conflict, on the page and on the API, and the other's text is kept.
 */
@SelfAssessmentModuleTest
class SelfAssessmentEditConflictTests {

    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

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

    SelfAssessmentFixture f;
    Caller an;
    String page;
    String api;

    @BeforeEach
    void tree() {
        f = new SelfAssessmentFixture(organizations, members, registry, jdbc);
        an = f.member(f.an);
        page = "/evaluation/cycles/" + f.cycle + "/self-assessment";
        api = "/api/evaluation/cycles/" + f.cycle + "/self-assessment";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void aDraftSavedFromAStaleFormIsRefusedOnThePageAndTheOtherKept() throws Exception {
        String phone = version();
        String desk = version();
        mvc.perform(post(page).with(csrf()).with(as(an)).param("version", phone).param("strengths", "Từ điện thoại"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post(page).with(csrf()).with(as(an)).param("version", desk).param("strengths", "Từ máy bàn"))
                .andExpect(flash().attribute("formError", hasToString(allOf(
                        containsString("self-assessment-form"), containsString("Người khác đã sửa bản ghi này")))))
                .andExpect(flash().attribute("formValues", hasToString(containsString("Từ máy bàn"))));
        assertThat(assessments.mine(f.cycle, an).review().strengths()).isEqualTo("Từ điện thoại");
        mvc.perform(post(page).with(csrf()).with(as(an)).param("version", version()).param("strengths", "Từ máy bàn"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(assessments.mine(f.cycle, an).review().strengths()).isEqualTo("Từ máy bàn");
    }

    @Test
    void throughTheApiTheStaleSaveIsA409() throws Exception {
        String etag = mvc.perform(get(api).with(as(an))).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("ETag");
        mvc.perform(put(api).with(csrf()).with(as(an)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"strengths\":\"Một\"}"))
                .andExpect(status().isOk());
        mvc.perform(put(api).with(csrf()).with(as(an)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"strengths\":\"Hai\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("edit-conflict"));
        assertThat(assessments.mine(f.cycle, an).review().strengths()).isEqualTo("Một");
    }

    private String version() throws Exception {
        String html = mvc.perform(get(page).with(as(an))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher found = VERSION.matcher(html);
        assertThat(found.find()).as("the self-assessment form carries its version").isTrue();
        return found.group(1);
    }
}
