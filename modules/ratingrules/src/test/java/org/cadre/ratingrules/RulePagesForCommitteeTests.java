package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestRatedSubjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rule pages a committee officer uses alone: a parameter change previewed (scenarios and the latest run's
 * subjects that would change level), a broken scenario resolved without YAML, the form the reader's way and
 * read-only for evaluation staff, the scenario table with failures first and in words, the pack page with its name,
 * its active version and an audit log in the reader's language, confirmations, the diff.
 */
@RatingRulesModuleTest
class RulePagesForCommitteeTests {

    static final String SCENARIO = "scenarios/pass-and-fail.yaml";

    @Autowired
    MockMvc mvc;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    TestRatedSubjects ratedSubjects;

    final RequestPostProcessor admin = RulePackPageTests.as(Caller.of("hoa.nguyen", Role.RULE_ADMIN));
    final RequestPostProcessor evaluator = RulePackPageTests.as(Caller.of("evaluator", Role.EVALUATOR));

    /** The test pack with its parameters in sections, a unit and a source mark, stored and active. */
    TestPack stored() {
        TestPack pack = TestPacks.fresh();
        String manifest = pack.files().text("pack.yaml")
                .replace("parameters:\n", "parameters:\n  # --- Dự họp (attendance) ---\n")
                .replace("  - name: passShare\n", "  # --- Tỷ lệ (quotas) ---\n  - name: passShare\n")
                .replace("    article: \"TEST-01, 2\"\n", "    article: \"TEST-01, 2 [S4]\"\n");
        pack = pack.withText("pack.yaml", manifest);
        registry.upload(pack.zip(), "test");
        registry.activate(pack.id(), 1, "hoa.nguyen");
        return pack;
    }

    /** The form as a browser sends it: minAttendance typed the Vietnamese way, the share as a percentage. */
    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String attendance) {
        return request.param("p.minAttendance", attendance).param("p.passShare", "50")
                .param("p.quotaEnabled", "true").with(csrf());
    }

    @Test
    void aChangeThatBreaksAScenarioIsPreviewedAndTheScenarioKeptOnTheOldValueInOneNewVersion() throws Exception {
        TestPack pack = stored();
        String page = mvc.perform(form(post("/rule-packs/{id}/1/parameters/preview", pack.id()), "0,95").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tỷ lệ dự họp tối thiểu: 0,8 → 0,95",
                "Chưa có lần xếp loại nào cho các năm " + pack.year() + "–" + pack.year(),
                "Sẽ sai", "m1: Đạt (PASS) → Không đạt (FAIL)",
                "m1: mong đợi Đạt (PASS), thực tế Không đạt (FAIL); mong đợi có lý do T-PASS nhưng không có",
                "Giữ tình huống này với giá trị cũ (Tỷ lệ dự họp tối thiểu = 0,8)",
                "Cập nhật kết quả mong đợi của tình huống theo kết quả mới", "id=\"save-parameters\"",
                "name=\"r." + SCENARIO + "\"");
        // a broken scenario left without a choice is a form error: nothing is stored
        mvc.perform(form(post("/rule-packs/{id}/1/parameters", pack.id()), "0,95").param("broken", SCENARIO)
                        .with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", org.hamcrest.Matchers.hasToString(containsString(
                        "Hãy chọn cách xử lý tình huống"))));
        assertThat(registry.versions(pack.id())).hasSize(1);

        mvc.perform(form(post("/rule-packs/{id}/1/parameters", pack.id()), "0,95").param("broken", SCENARIO)
                        .param("r." + SCENARIO, "keep").with(admin))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rule-packs/" + pack.id() + "/2"));
        PackVersion saved = registry.version(pack.id(), 2);
        assertThat(saved.valid()).isTrue();
        assertThat(saved.source()).isEqualTo("PARAMETERS");
        assertThat(text(pack, 2, "parameters.yaml")).contains("minAttendance: 0.95");
        assertThat(text(pack, 2, SCENARIO)).contains("year: " + pack.year() + "\nparameters: { minAttendance: 0.8 }\n")
                .contains("name: \"T-PASS fires");
        assertThat(registry.versions(pack.id())).hasSize(2);
    }

    @Test
    void orItsExpectationFollowsTheNewOutcomeAndTheLatestRunSaysHowManySubjectsMove() throws Exception {
        TestPack pack = stored();
        ratedSubjects.provide(new RatedSubjects.Batch(pack.year(), List.of(member("a", 9), member("b", 10),
                member("c", 5)), List.of()));
        mvc.perform(form(post("/rule-packs/{id}/1/parameters/preview", pack.id()), "0,95").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lần xếp loại năm " + pack.year()
                        + ": 1 trong 3 đối tượng sẽ đổi kết quả.")))
                .andExpect(content().string(containsString("1 đối tượng: Đạt (PASS) → Không đạt (FAIL)")));
        mvc.perform(form(post("/rule-packs/{id}/1/parameters", pack.id()), "0,95").param("broken", SCENARIO)
                        .param("r." + SCENARIO, "update").with(admin))
                .andExpect(redirectedUrl("/rule-packs/" + pack.id() + "/2"));
        assertThat(registry.version(pack.id(), 2).valid()).isTrue();
        assertThat(text(pack, 2, SCENARIO)).contains("  - { subject: m1, level: FAIL, reasons: [] }",
                "  - { subject: c1, level: FAIL, reasons: [] }").doesNotContain("parameters:");
    }

    @Test
    void badValuesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        TestPack pack = stored();
        mvc.perform(form(post("/rule-packs/{id}/1/parameters/preview", pack.id()), "nhiều").with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", org.hamcrest.Matchers.hasToString(containsString(
                        "\"nhiều\" phải là một số"))));
        mvc.perform(form(post("/rule-packs/{id}/1/parameters", pack.id()), "1,5").with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", org.hamcrest.Matchers.hasToString(containsString(
                        "nằm ngoài khoảng cho phép"))));
        assertThat(registry.versions(pack.id())).hasSize(1);
        // an expectation that cannot be rewritten is refused as such, and nothing is stored
        assertThatThrownBy(() -> registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.95"),
                Map.of("scenarios/none.yaml", RulePackRegistry.ScenarioResolution.KEEP_OLD_VALUE), "test"))
                .isInstanceOf(Refused.class);
        assertThat(registry.versions(pack.id())).hasSize(1);
    }

    @Test
    void theFormShowsOneParameterPerRowTheReadersWayAndIsReadOnlyForEvaluationStaff() throws Exception {
        TestPack pack = stored();
        String page = mvc.perform(get("/rule-packs/{id}/1/parameters", pack.id()).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h2>Dự họp</h2>", "<h2>Tỷ lệ</h2>", "value=\"0,8\"", "từ 0 đến 1",
                "mặc định 0,8", "value=\"50\"", "<span class=\"unit\">%</span>", "TEST-01, 2 [S4]",
                "[Q] trích nguyên văn", "id=\"preview-parameters\"")
                .doesNotContain("id=\"save-parameters\"", "read-only");
        String english = mvc.perform(get("/rule-packs/{id}/1/parameters", pack.id()).param("lang", "en")
                .with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<h2>Attendance</h2>", "value=\"0.8\"", "from 0 to 1");
        String readOnly = mvc.perform(get("/rule-packs/{id}/1/parameters", pack.id()).with(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(readOnly).contains("id=\"read-only\"", "Bạn chỉ được xem các tham số")
                .contains("id=\"p-minAttendance\"").doesNotContain("id=\"preview-parameters\"", "id=\"save-parameters\"");
        assertThat(readOnly.substring(readOnly.indexOf("id=\"p-minAttendance\"") - 200,
                readOnly.indexOf("id=\"p-minAttendance\"") + 300)).contains("disabled");
        mvc.perform(form(post("/rule-packs/{id}/1/parameters/preview", pack.id()), "0,9").with(evaluator))
                .andExpect(status().isForbidden());
        mvc.perform(form(post("/rule-packs/{id}/1/parameters", pack.id()), "0,9").with(evaluator))
                .andExpect(status().isForbidden());
    }

    @Test
    void failedScenariosComeFirstInWordsAndThePackPageNamesTheActiveVersionAndWhoDidWhat() throws Exception {
        TestPack pack = stored();
        // a breaking change saved without a choice through the API's path is a draft with a failed scenario
        assertThatThrownBy(() -> registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.95"), "test"))
                .isInstanceOf(Refused.class);
        String draft = mvc.perform(get("/rule-packs/{id}/2", pack.id()).with(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String firstRow = draft.substring(draft.indexOf("<tbody>", draft.indexOf("id=\"scenarios\"")));
        firstRow = firstRow.substring(0, firstRow.indexOf("</tr>"));
        assertThat(firstRow).contains("class=\"failed first\"", "Không đạt (FAIL)",
                "mong đợi Đạt (PASS), thực tế Không đạt (FAIL)");
        assertThat(draft).contains("1 trong 2 tình huống sai", "không xếp loại",
                "mong đợi có lý do T-PASS nhưng không có").doesNotContain("expected PASS, got FAIL");
        assertThat(mvc.perform(get("/rule-packs/{id}/2", pack.id()).param("lang", "en").with(evaluator))
                .andReturn().getResponse().getContentAsString())
                .contains("expected Pass (PASS), got Fail (FAIL)", "not classified");

        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.7"), "hoa.nguyen");
        registry.activate(pack.id(), 3, "hoa.nguyen");
        String packPage = mvc.perform(get("/rule-packs/{id}", pack.id()).with(evaluator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(packPage).contains("<h1>Gói thử hai mức</h1>", "Đang áp dụng phiên bản 3.",
                "id=\"version-3\" class=\"active-version\"", "Áp dụng phiên bản 3, thay phiên bản 1",
                "Ngừng áp dụng phiên bản 1, thay bằng phiên bản 3", "Lưu phiên bản 3 (Sửa tham số, từ phiên bản 1): hợp lệ",
                "hoa.nguyen", "id=\"diff-form\"").doesNotContain(">ACTIVATE<");
        assertThat(mvc.perform(get("/rule-packs/{id}", pack.id()).param("lang", "en").with(evaluator))
                .andReturn().getResponse().getContentAsString())
                .contains("<h1>Two-level test pack</h1>", "Activated version 3, replacing version 1");
        // the start-up loader's packs name the installation, not a folder
        mvc.perform(get("/rule-packs/test-startup").with(evaluator))
                .andExpect(content().string(containsString("Cài đặt ban đầu (thư mục rules/)")))
                .andExpect(content().string(not(containsString("<td data-label=\"Người tạo\">rules/</td>"))));
    }

    @Test
    void activatingRetiringAndRollingBackAskFirstNamingTheEffect() throws Exception {
        TestPack pack = stored();
        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.7"), "test");
        mvc.perform(get("/rule-packs/{id}/1", pack.id()).with(admin))
                .andExpect(content().string(containsString("/rule-packs/" + pack.id() + "/1/confirm?action=retire")));
        mvc.perform(get("/rule-packs/{id}/1/confirm", pack.id()).param("action", "retire").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phiên bản 1 của &quot;Gói thử hai mức&quot; sẽ ngừng áp dụng.")))
                .andExpect(content().string(containsString("Năm " + pack.year()
                        + " sẽ không còn bộ tiêu chí nào để xếp loại đảng viên, tổ chức đảng.")))
                .andExpect(content().string(containsString("class=\"danger\"")));
        mvc.perform(get("/rule-packs/{id}/2/confirm", pack.id()).param("action", "activate").with(admin))
                .andExpect(content().string(containsString("Phiên bản 1 đang áp dụng sẽ ngừng áp dụng.")));
        mvc.perform(get("/rule-packs/{id}/1/confirm", pack.id()).param("action", "drop").with(admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/rule-packs/{id}/1/confirm", pack.id()).param("action", "retire").with(evaluator))
                .andExpect(status().isForbidden());
        // a retired version can be activated again
        registry.retire(pack.id(), 1, "test");
        mvc.perform(get("/rule-packs/{id}/1", pack.id()).with(admin))
                .andExpect(content().string(containsString("/rule-packs/" + pack.id() + "/1/confirm?action=activate")));
        mvc.perform(post("/rule-packs/{id}/1/activate", pack.id()).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/rule-packs/" + pack.id() + "/1"));
        assertThat(registry.version(pack.id(), 1).state()).isEqualTo(PackState.ACTIVE);
    }

    @Test
    void theDiffNamesParametersByLabelColoursChangesFoldsTheRestAndComparesAnyTwoVersions() throws Exception {
        TestPack pack = stored();
        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.7"), "test");
        registry.changeParameters(pack.id(), 2, Map.of("minAttendance", "0.75"), "test");
        String diff = mvc.perform(get("/rule-packs/{id}/diff", pack.id()).param("from", "1").param("to", "3")
                .with(evaluator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(diff).contains("Tỷ lệ dự họp tối thiểu", "<td class=\"del\" data-label=\"Trước\">0,8</td>",
                "<td class=\"add\" data-label=\"Sau\">0,75</td>",
                "class=\"add\">+ minAttendance: 0.75</span>", "dòng không đổi</summary>",
                "<option value=\"3\" selected=\"selected\">3</option>");
    }

    static MemberFacts member(String id, int attended) {
        MemberFacts facts = TestPacks.member(id, 10, attended, "GOOD");
        facts.setOrganizationId("c" + id);
        facts.setGrassrootsOrganizationId("g" + id);
        return facts;
    }

    private String text(TestPack pack, int version, String path) {
        return new String(registry.files(pack.id(), version).get(path), StandardCharsets.UTF_8);
    }
}
