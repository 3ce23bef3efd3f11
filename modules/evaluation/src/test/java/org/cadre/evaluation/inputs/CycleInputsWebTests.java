package org.cadre.evaluation.inputs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The API answers refusals as problems naming the field; the pages show the forms, the import report and errors. */
@InputsModuleTest
class CycleInputsWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RulePackRegistry registry;

    InputsFixture f;
    UUID cycle;
    String api;

    @BeforeEach
    void cycle() {
        InputsFixture.ensurePack(registry, "qd124-hd25");
        f = new InputsFixture(organizations, members, jdbc);
        cycle = f.cycle(2024, "qd124-hd25", "OPEN");
        api = "/api/evaluation/cycles/" + cycle + "/inputs";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void theApiTakesCriteriaAndAnswersAScoreOrLevelOutsideThePackAsAProblemWithItsField() throws Exception {
        mvc.perform(put(api + "/members/" + f.an.value() + "/criteria").with(csrf())
                        .with(as(f.secretaryOf(f.chapterA))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[{\"criterion\":\"CHINH_TRI\",\"level\":\"TOT\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.criteria.CHINH_TRI.level").value("TOT"));
        mvc.perform(put(api + "/members/" + f.an.value() + "/criteria").with(csrf()).with(as(InputsFixture.EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[{\"criterion\":\"BOGUS\",\"level\":\"TOT\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("BOGUS")));
        mvc.perform(put(api + "/members/" + f.an.value() + "/sick-leave").with(csrf()).with(as(InputsFixture.EVALUATOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"months\":13}"))
                .andExpect(status().isUnprocessableEntity());
        // outside the secretary's subtree, and for people who enter nothing
        mvc.perform(put(api + "/members/" + f.cuong.value() + "/sick-leave").with(csrf())
                        .with(as(f.secretaryOf(f.chapterA))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"months\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(api + "/members/" + f.an.value() + "/sick-leave").with(csrf())
                        .with(as(Caller.of("r", Role.REVIEWER))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"months\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(api + "/members/" + f.an.value() + "/civil-service-rating").with(csrf())
                        .with(as(f.secretaryOf(f.chapterA))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"HTTNV\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiDryRunListsBadRowsAndTheRealImportIsRefusedWithThem() throws Exception {
        byte[] file = InputsFixture.xlsx(List.of(CivilServiceImportTests.HEADING,
                List.of(f.card("1"), "Nguyễn Văn An", "HTTNV"), List.of(f.card("2"), "Trần Thị Bình", "GIOI")));
        mvc.perform(multipart(api + "/civil-service-ratings/import").file(new MockMultipartFile("file", "x.xlsx",
                        null, file)).with(csrf()).with(as(InputsFixture.EVALUATOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results", hasSize(2)))
                .andExpect(jsonPath("$.results[1].row").value(3))
                .andExpect(jsonPath("$.results[1].problems[0].reason").value("level-not-in-scale"));
        mvc.perform(multipart(api + "/civil-service-ratings/import").file(new MockMultipartFile("file", "x.xlsx",
                        null, file)).param("dryRun", "false").with(csrf()).with(as(InputsFixture.EVALUATOR)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.rows[0].row").value(3));
    }

    @Test
    void thePagesShowTheMembersTheFormsAndARefusalNextToItsForm() throws Exception {
        String page = "/evaluation/cycles/" + cycle + "/inputs";
        mvc.perform(get(page).param("organization", f.chapterA.value().toString())
                        .with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(not(containsString("Lê Đức Cường"))))
                .andExpect(content().string(not(containsString("civil-service-link"))));
        String member = page + "/members/" + f.an.value();
        mvc.perform(get(member).with(as(InputsFixture.EVALUATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("criteria-form")))
                .andExpect(content().string(containsString("civil-service-form")))
                .andExpect(content().string(containsString("residence-form")));
        mvc.perform(post(member + "/sick-leave").param("months", "3,5").with(csrf())
                        .with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(post(member + "/sick-leave").param("months", "20").with(csrf())
                        .with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        mvc.perform(post(member + "/residence-comment").param("stance", "POSITIVE").param("text", "Gương mẫu")
                        .param("receivedOn", "20/11/2024").with(csrf()).with(as(f.secretaryOf(f.chapterA))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get(member).with(as(f.secretaryOf(f.chapterA)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"3.5\"")))
                .andExpect(content().string(containsString("Gương mẫu")))
                .andExpect(content().string(not(containsString("id=\"civil-service-form\""))));
    }

    @Test
    void theImportPageChecksAFileShowsEachRowAndImportsItWithOneClick() throws Exception {
        String page = "/evaluation/cycles/" + cycle + "/inputs/civil-service";
        byte[] bad = InputsFixture.xlsx(List.of(CivilServiceImportTests.HEADING,
                List.of(f.card("1"), "Nguyễn Văn An", "HTTNV"), List.of("00000", "Người Lạ", "HTNV")));
        mvc.perform(multipart(page + "/check").file(new MockMultipartFile("file", "x.xlsx", null, bad))
                        .with(csrf()).with(as(InputsFixture.EVALUATOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("report-bad")))
                .andExpect(content().string(containsString("không có đảng viên số thẻ 00000")))
                .andExpect(content().string(not(containsString("import-run-form"))));
        byte[] good = InputsFixture.xlsx(List.of(CivilServiceImportTests.HEADING,
                List.of(f.card("1"), "Nguyễn Văn An", "HTTNV")));
        String html = mvc.perform(multipart(page + "/check").file(new MockMultipartFile("file", "x.xlsx", null,
                        good)).with(csrf()).with(as(InputsFixture.EVALUATOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("import-run-form")))
                .andReturn().getResponse().getContentAsString();
        String action = html.replaceAll("(?s).*id=\"import-run-form\"\\s+action=\"([^\"]+)\".*", "$1");
        mvc.perform(post(action).with(csrf()).with(as(InputsFixture.EVALUATOR)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get(page + "/template.xlsx").with(as(InputsFixture.EVALUATOR))).andExpect(status().isOk());
        mvc.perform(get(page).with(as(f.secretaryOf(f.committee)))).andExpect(status().isForbidden());
    }
}
