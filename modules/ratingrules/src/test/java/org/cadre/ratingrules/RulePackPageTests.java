package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every rule pack page renders, in both languages, for the roles that may see it; refusals show on the page. */
@RatingRulesModuleTest
class RulePackPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    RulePackRegistry registry;

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void everyPageRenders() throws Exception {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        registry.activate(pack.id(), 1, "test");
        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.7"), "test");
        var admin = as(Caller.of("rule-admin", Role.RULE_ADMIN));
        var evaluator = as(Caller.of("evaluator", Role.EVALUATOR));

        mvc.perform(get("/rule-packs").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(pack.id())))
                .andExpect(content().string(containsString("upload-file")));
        mvc.perform(get("/rule-packs").param("lang", "en").with(evaluator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rating rule packs")))
                .andExpect(content().string(not(containsString("upload-file"))));
        mvc.perform(get("/rule-packs/{id}", pack.id()).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhật ký thay đổi")));
        mvc.perform(get("/rule-packs/{id}/2", pack.id()).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"activate\"")))
                .andExpect(content().string(containsString("parameters.yaml")))
                // the scale with its labels, and the scenario outcomes by label as well as code
                .andExpect(content().string(containsString("Thang xếp loại")))
                .andExpect(content().string(containsString("<li>Đạt (PASS)</li>")))
                .andExpect(content().string(containsString(">Không đạt (FAIL)</td>")));
        mvc.perform(get("/rule-packs/{id}/1/file", pack.id()).param("path", "rules.drl").with(evaluator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("content-readonly")))
                .andExpect(content().string(containsString("T-PASS")));
        mvc.perform(get("/rule-packs/{id}/1/parameters", pack.id()).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("p-quotaEnabled")))
                .andExpect(content().string(containsString("Tỷ lệ dự họp tối thiểu")));
        mvc.perform(get("/rule-packs/{id}/diff", pack.id()).param("from", "1").param("to", "2").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("minAttendance")))
                .andExpect(content().string(containsString("+ minAttendance: 0.7")));
        // an evaluator may not change anything
        mvc.perform(post("/rule-packs/{id}/2/activate", pack.id()).with(evaluator).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aScenarioShowsEachRatingWithItsExplanationInTheReadersLanguage() throws Exception {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        var evaluator = as(Caller.of("evaluator", Role.EVALUATOR));
        String page = mvc.perform(get("/rule-packs/{id}/1/explain", pack.id())
                        .param("file", "scenarios/pass-and-fail.yaml").with(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("a year is not a number with separators").contains("(năm " + pack.year() + ")");
        // m1 passes: its label, the deciding reason first and marked, the values the rule read, the article
        String m1 = section(page, "rating-m1");
        assertThat(m1).contains("Đạt (PASS)", "Lý do quyết định:", "Đạt điều kiện mức Đạt (PASS)",
                "Dự họp và công việc", "Tỷ lệ dự sinh hoạt: 90%", "Tỷ lệ dự họp tối thiểu: 0.8", "Căn cứ:",
                "TEST-01, 2");
        // m2 qualifies for nothing: the explanation says so instead of a bare level
        assertThat(section(page, "rating-m2")).contains("Không đạt (FAIL)",
                "Không đạt điều kiện của mức nào cao hơn: mức Không đạt (FAIL)",
                "Không tiêu chí nào của bộ quy tắc được đáp ứng");
        assertThat(section(page, "rating-m3")).contains("Không xếp loại năm này", "Đình chỉ sinh hoạt");
        String english = mvc.perform(get("/rule-packs/{id}/1/explain", pack.id())
                        .param("file", "scenarios/pass-and-fail.yaml").param("lang", "en").with(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section(english, "rating-m1")).contains("Pass (PASS)", "Deciding reason:",
                "Meets the conditions of Pass (PASS)", "Values considered:", "Attendance rate: 90%",
                "Minimum attendance: 0.8", "Basis:");
        // a path that is no scenario of the version is a not-found page, not an error
        mvc.perform(get("/rule-packs/{id}/1/explain", pack.id()).param("file", "rules.drl").with(evaluator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/rule-packs/{id}/1/explain", pack.id()).param("file", "scenarios/../pack.yaml")
                        .with(evaluator))
                .andExpect(status().isNotFound());
    }

    /** The part of a page in the element with the given id, up to the next section. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #%s", id).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    @Test
    void anUploadIsCheckedOnTheJobTableAndADraftShowsItsProblemsOnItsPage() throws Exception {
        TestPack pack = TestPacks.fresh();
        TestPack broken = pack.withText("evil.drl", "package x;\nimport java.io.File;\n");
        var admin = as(Caller.of("rule-admin", Role.RULE_ADMIN));
        String job = mvc.perform(multipart("/rule-packs/upload").file(new MockMultipartFile("file", "pack.zip",
                        "application/zip", broken.zip())).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/rule-packs/jobs/");
        // the job page shows the progress until the job is done, then leads to the version it stored: a draft
        String version = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            MvcResult page = mvc.perform(get(job).with(admin)).andReturn();
            return page.getResponse().getStatus() == 302 ? page : null;
        }, page -> page != null).getResponse().getRedirectedUrl();
        assertThat(version).isEqualTo("/rule-packs/" + pack.id() + "/1");
        mvc.perform(get(job).with(admin)).andExpect(flash().attribute("notice", containsString("bản nháp")));
        mvc.perform(get(version).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>evil.drl</td>")))
                .andExpect(content().string(containsString("Không được import &quot;java.io.File&quot;: bộ quy tắc chỉ "
                        + "được import org.cadre.ratingrules.facts.*")));
        // someone else's job is not theirs to see
        mvc.perform(get(job).with(as(Caller.of("another-admin", Role.RULE_ADMIN)))).andExpect(status().isNotFound());
    }

    @Test
    void anUnsafeZipIsRefusedAtOnceWithItsProblemsNextToTheForm() throws Exception {
        mvc.perform(multipart("/rule-packs/upload").file(new MockMultipartFile("file", "pack.zip", "application/zip",
                        BadPackInputTests.zip("pack.yaml", "id: x", "../../evil.drl", "x")))
                        .with(as(Caller.of("rule-admin", Role.RULE_ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/rule-packs"))
                // back to the upload form, with the reason and each problem as a line, in Vietnamese
                .andExpect(flash().attribute("formError", org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers
                        .allOf(containsString("upload-form"), containsString("../../evil.drl")))));
    }
}
