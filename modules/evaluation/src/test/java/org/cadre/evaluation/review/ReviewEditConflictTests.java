package org.cadre.evaluation.review;

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
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.SelfAssessments;
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
 * Two secretaries of a chapter review the same member: both open the review, the first saves, the second's save
 * is refused as an edit conflict (next to the form, 409 on the API) and the first's comment and level are kept;
 * saved again with the current version, it goes through.
 */
@ReviewModuleTest
class ReviewEditConflictTests {

    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

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

    ReviewFixture f;
    Caller first;
    Caller second;
    String member;
    String api;

    @BeforeEach
    void tree() {
        f = new ReviewFixture(organizations, members, registry, jdbc);
        first = f.secretaryOf(f.chapterA);
        second = Caller.of("bithu-2", Role.SECRETARY).withOrganizationScope(f.chapterA.value());
        member = "/evaluation/cycles/" + f.cycle + "/review/members/" + f.an.value();
        api = "/api/evaluation/cycles/" + f.cycle + "/review/members/" + f.an.value();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void onThePageTheSecondSecretarysSaveIsRefusedAndTheFirstKept() throws Exception {
        String loadedByFirst = version(first);
        String loadedBySecond = version(second);

        mvc.perform(post(member).with(csrf()).with(as(first)).param("version", loadedByFirst)
                        .param("comment", "Gương mẫu, nhiệt tình").param("level", "HTNV"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post(member).with(csrf()).with(as(second)).param("version", loadedBySecond)
                        .param("comment", "Còn chậm").param("level", "HTNV"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("review-form"),
                        containsString("Người khác đã sửa bản ghi này lúc ")))));
        assertThat(reviews.member(f.cycle, f.an.value(), first).comment()).isEqualTo("Gương mẫu, nhiệt tình");

        mvc.perform(post(member).with(csrf()).with(as(second)).param("version", version(second))
                        .param("comment", "Còn chậm").param("level", "HTNV"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(reviews.member(f.cycle, f.an.value(), first).comment()).isEqualTo("Còn chậm");
    }

    @Test
    void throughTheApiTheStaleSaveIsA409AndTheFirstKept() throws Exception {
        String etag = mvc.perform(get(api).with(as(first))).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("ETag");
        assertThat(etag).isNotNull();
        String after = mvc.perform(put(api).with(csrf()).with(as(first)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Tốt\",\"level\":\"HTNV\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(post(api + "/proposal").with(csrf()).with(as(second)).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Khác\",\"level\":\"HTNV\",\"reason\":\"Chậm báo cáo\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("edit-conflict"));
        assertThat(reviews.member(f.cycle, f.an.value(), first).comment()).isEqualTo("Tốt");
        mvc.perform(post(api + "/proposal").with(csrf()).with(as(second)).header("If-Match", after)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Khác\",\"level\":\"HTNV\",\"reason\":\"Chậm báo cáo\"}"))
                .andExpect(status().isOk());
        assertThat(reviews.member(f.cycle, f.an.value(), first).comment()).isEqualTo("Khác");
    }

    private String version(Caller caller) throws Exception {
        String html = mvc.perform(get(member).with(as(caller))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher found = VERSION.matcher(html);
        assertThat(found.find()).as("the review form carries its version").isTrue();
        return found.group(1);
    }
}
