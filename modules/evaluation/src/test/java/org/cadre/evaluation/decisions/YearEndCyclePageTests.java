package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.decisions.DecisionFixture.ADMIN;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.FileAppeal;
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
 * The cycle's page joins the year-end steps: it links to the review, calibrations, decisions and appeals only for
 * those who may open them, and before closing a cycle whose year is not finished it warns with what stays undone
 * (quota cases not calibrated, lists not signed, appeals being re-examined); closing stays allowed.
 */
@DecisionsModuleTest
class YearEndCyclePageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    Calibrations calibrations;
    @Autowired
    Appeals appeals;
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
    void theCyclePageLinksEachStepForWhoMayOpenItAndWarnsBeforeClosingAnUnfinishedYear() throws Exception {
        DecisionFixture.activatePack(registry);
        DecisionFixture f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
        String page = "/evaluation/cycles/" + f.cycle;

        // the committee's quota case is calibrated and its members' list signed; An appeals
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        List<DecisionSummary> lists = decisions.lists(f.cycle, EVALUATOR);
        assertThat(lists).hasSize(4);
        UUID memberList = lists.stream().filter(s -> s.organization().equals(f.committee.value())
                && s.kind().equals("MEMBER")).map(DecisionSummary::id).findFirst().orElseThrow();
        decisions.sign(f.cycle, memberList, "3-QĐ/ĐU", ADMIN);
        AppealView appeal = appeals.file(f.cycle, new FileAppeal(null, "Xin xem xét lại.", null), f.member(f.an));

        // the counts the warning shows, as each step answers them
        assertThat(calibrations.pendingCases(f.cycle)).isEqualTo(1);
        assertThat(decisions.unsignedLists(f.cycle)).isEqualTo(3).isEqualTo((int) decisions.lists(f.cycle, ADMIN)
                .stream().filter(s -> s.status() == DecisionStatus.DRAFT).count());
        assertThat(appeals.openAppeals(f.cycle)).isEqualTo(1);

        String staff = html(page, EVALUATOR);
        assertThat(staff).contains("id=\"cycle-review\"", "id=\"cycle-decisions\"", "id=\"calibrations-link\"")
                .contains("href=\"/evaluation/cycles/" + f.cycle + "/appeals\"");
        assertThat(staff).contains("1 trường hợp vượt tỷ lệ chưa được cân đối",
                "3 danh sách chưa được cấp có thẩm quyền ký quyết định", "1 khiếu nại đang được xem xét lại");
        assertThat(staff.indexOf("id=\"close-unfinished\"")).isPositive()
                .isLessThan(staff.indexOf("id=\"close-submit\""));
        assertThat(html(page, ADMIN)).contains("id=\"cycle-appeals\"", "id=\"close-unfinished\"");

        // a secretary: the review, decisions and appeals, but not the calibrations (staff's) nor closing
        Caller secretary = f.secretary(f.committee);
        String theirs = html(page, secretary);
        assertThat(theirs).contains("id=\"cycle-review\"", "id=\"cycle-decisions\"", "id=\"cycle-appeals\"")
                .doesNotContain("id=\"calibrations-link\"", "id=\"close-form\"", "id=\"close-unfinished\"");
        for (String link : List.of("/review", "/decisions", "/appeals")) {
            mvc.perform(get(page + link).with(as(secretary))).andExpect(status().isOk());
        }
        mvc.perform(get(page + "/calibrations").with(as(secretary))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as(f.member(f.an)))).andExpect(status().isForbidden());

        // closing an unfinished year stays allowed; afterwards there is nothing to warn about
        mvc.perform(post(page + "/close").with(csrf()).with(as(EVALUATOR))).andExpect(status().is3xxRedirection());
        assertThat(cycles.find(f.cycle, EVALUATOR).orElseThrow().status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(appeals.find(f.cycle, appeal.id(), EVALUATOR).status().name()).isEqualTo("OPEN");
        assertThat(html(page, EVALUATOR)).doesNotContain("id=\"close-unfinished\"", "id=\"close-form\"");
    }

    private String html(String page, Caller caller) throws Exception {
        return mvc.perform(get(page).param("lang", "vi").with(as(caller))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }
}
