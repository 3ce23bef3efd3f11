package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pages and the API for each role, the scope of a secretary, a refused form and a problem on the API. */
@CommitmentsModuleTest
class CommitmentPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    ActionProgrammes programmes;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;

    @BeforeEach
    void campaign() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        f.tree.admit(f.tree.chapterB, "Trần", "Thị", "Bình");
        f.open();
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void aMemberSeesTheirCampaignDraftsARegisterAndTheSecretaryApprovesIt() throws Exception {
        mvc.perform(get("/commitments/me").with(as(Fixture.member(an)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("draft-form")));
        String location = mvc.perform(post("/commitments/me/registers").with(csrf()).with(as(Fixture.member(an)))
                        .param("campaignId", f.campaign.toString()).param("content", "Giải quyết hồ sơ đúng hạn")
                        .param("deadline", "28/03/" + f.year).param("weight", "50"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID register = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/commitments/registers/{id}/submit", register).with(csrf()).with(as(Fixture.member(an))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/commitments/registers/{id}", register).with(as(f.secretary()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("register-approve")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("năm " + f.year + "</h1>")));
        mvc.perform(post("/commitments/registers/{id}/approve", register).with(csrf()).with(as(f.secretary())))
                .andExpect(status().is3xxRedirection());
        assertThat(registers.find(register).orElseThrow().status()).isEqualTo(RegisterStatus.APPROVED);
    }

    @Test
    void aDeadlineOutsideTheYearGoesBackToTheFormWithItsReason() throws Exception {
        mvc.perform(post("/commitments/me/registers").with(csrf()).with(as(Fixture.member(an)))
                        .param("campaignId", f.campaign.toString()).param("content", "Sang năm")
                        .param("deadline", "15/01/" + (f.year + 1)).param("weight", "10"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location",
                        org.hamcrest.Matchers.containsString("/commitments/me")))
                // the year written as a year, not as a number with a thousands separator
                .andExpect(flash().attribute("formError", org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("năm " + f.year + " của"))));
        assertThat(registers.ofMember(an)).isEmpty();
    }

    @Test
    void theBoardTheRollupsTheProgrammesAndTheResolutionsRender() throws Exception {
        mvc.perform(get("/commitments/board").with(as(f.secretary()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nguyễn Văn An")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("still-to-study")));
        mvc.perform(get("/commitments/rollups").param("organization", f.tree.committee.toString())
                        .param("campaign", f.campaign.toString()).with(as(Caller.of("u-eval", Role.EVALUATOR))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("rollups")));
        mvc.perform(get("/commitments/programmes").with(as(f.secretary()))).andExpect(status().isOk());
        UUID programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year,
                "Chương trình hành động"), f.secretary());
        programmes.addTask(programme, new ProgrammeTask("Rà soát quy chế", "Văn phòng", f.on(6, 30)), f.secretary());
        mvc.perform(get("/commitments/programmes/{id}", programme).with(as(f.secretary()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("adopt-form")));
        mvc.perform(get("/commitments/programmes/{id}.xlsx", programme).with(as(Caller.of("u-eval", Role.EVALUATOR))))
                .andExpect(status().isOk());
        mvc.perform(get("/commitments/resolutions").with(as(Fixture.admin()))).andExpect(status().isOk());
        mvc.perform(get("/commitments/board/registers.xlsx").param("campaign", f.campaign.toString())
                        .param("organization", f.tree.committee.toString()).with(as(f.secretary())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString(".xlsx")));
    }

    @Test
    void aSecretarySeesNoOtherSubtreeAndAMemberNoBoard() throws Exception {
        mvc.perform(get("/commitments/board").param("organization", f.tree.elsewhere.toString())
                .with(as(f.secretary()))).andExpect(status().isForbidden());
        mvc.perform(get("/commitments/board").with(as(Fixture.member(an)))).andExpect(status().isForbidden());
    }

    @Test
    void progressAboveAHundredIsAProblemOnTheApi() throws Exception {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        registers.approve(register, f.secretary());
        UUID item = registers.find(register).orElseThrow().items().get(0).id();
        mvc.perform(post("/api/commitments/registers/{id}/progress", register).with(as(Fixture.member(an)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"itemId\":\"" + item + "\",\"percent\":120,\"on\":\"" + f.on(2, 1) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("progress-out-of-range"))
                .andExpect(jsonPath("$.field").value("percent"));
    }
}
