package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.CallerAuthentication;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Why this rating" names the values the rules read in the reader's language: "Tỷ lệ dự sinh hoạt: 100%", not
 * "attendanceRatio = 1".
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class WhyPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theValuesARuleReadAreNamedInTheReadersLanguage() throws Exception {
        RunFixture.activatePack(registry);
        RunFixture fixture = new RunFixture(organizations, members);
        fixture.awaitProjection(jdbc);
        CycleView cycle = cycles.open(new OpenCycle(YEAR, fixture.committee.value()), EVALUATOR);
        RunFixture.runAndWait(cycles, cycle.id());

        String vi = page(cycle, fixture, "vi");
        assertThat(vi).contains("Số liệu đã xét:", "Tỷ lệ dự sinh hoạt: 100%").doesNotContain("attendanceRatio");
        String en = page(cycle, fixture, "en");
        assertThat(en).contains("Values considered:", "Attendance rate: 100%").doesNotContain("attendanceRatio");
    }

    private String page(CycleView cycle, RunFixture fixture, String language) throws Exception {
        return mvc.perform(get("/evaluation/cycles/{id}/ratings/{subject}", cycle.id(), fixture.an.value())
                        .param("lang", language).with(authentication(new CallerAuthentication(EVALUATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
