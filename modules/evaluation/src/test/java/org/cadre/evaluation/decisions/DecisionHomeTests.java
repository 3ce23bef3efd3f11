package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cadre.evaluation.decisions.DecisionFixture.ADMIN;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.CalibrationChoice;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.FileAppeal;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.HomeSection;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page leads each role to the year-end work that waits for it, through the real calibration, decisions and
 * appeals services: staff to the quota cases still to decide, the lists still to sign and the appeals to decide; the
 * committee's secretary to the lists and appeals their committee decides; a member to the level decided for them, the
 * appeal window while it is open and their appeal. Each line goes when the work is done; nobody else gets one.
 */
@DecisionsModuleTest
class DecisionHomeTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    Calibrations calibrations;
    @Autowired
    Decisions decisions;
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
    @Autowired
    List<HomeSection> sections;
    @Autowired
    MockMvc mvc;

    DecisionFixture f;
    HomeSection home;

    @BeforeEach
    void run() {
        DecisionFixture.activatePack(registry);
        f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
        home = sections.stream().filter(s -> s.template().equals("evaluation/home")).findFirst().orElseThrow();
    }

    @Test
    void staffAreLedToTheCasesListsAndAppealsThatWaitAndEachLineGoesWhenDone() throws Exception {
        // after the run: a quota case per grassroots organization, four lists (members and organizations of each)
        assertThat(staffLine(EVALUATOR)).containsExactly(2, 4, 0);
        assertThat(staffLine(ADMIN)).containsExactly(2, 4, 0);
        String page = page(EVALUATOR, "vi");
        assertThat(page).contains("2 trường hợp vượt tỷ lệ chờ cân đối", "4 danh sách chờ ký quyết định",
                "/evaluation/cycles/" + f.cycle + "/calibrations\"", "/evaluation/cycles/" + f.cycle + "/decisions\"")
                .doesNotContain("/evaluation/cycles/" + f.cycle + "/appeals\"");

        // the committee's case is decided: one case less; its members' list is signed: one list less
        decideCase(f.committee.value());
        assertThat(staffLine(EVALUATOR)).containsExactly(1, 4, 0);
        UUID memberList = list(f.committee.value(), "MEMBER");
        decisions.sign(f.cycle, memberList, "15-QĐ/ĐU", f.secretary(f.committee));
        assertThat(staffLine(EVALUATOR)).containsExactly(1, 3, 0);

        // Bình, moved down, appeals: staff are competent everywhere
        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Tôi dự họp đầy đủ cả năm.", "HTXSNV"),
                f.member(f.binh));
        assertThat(staffLine(EVALUATOR)).containsExactly(1, 3, 1);
        assertThat(page(ADMIN, "en")).contains("1 quota cases awaiting calibration", "3 lists to sign",
                "1 appeals to decide", "/evaluation/cycles/" + f.cycle + "/appeals\"");

        appeals.decide(f.cycle, filed.id(), new DecideAppeal(AppealOutcome.UPHELD, null,
                "Sổ họp ghi vắng không lý do."), f.secretary(f.committee));
        decideCase(f.grassrootsChapter.value());
        assertThat(staffLine(EVALUATOR)).containsExactly(0, 3, 0);
        assertThat(page(EVALUATOR, "vi")).doesNotContain("/evaluation/cycles/" + f.cycle + "/calibrations\"",
                "/evaluation/cycles/" + f.cycle + "/appeals\"");
    }

    @Test
    void aSecretaryIsLedToTheListsAndAppealsTheirCommitteeDecides() throws Exception {
        Caller committee = f.secretary(f.committee);
        Caller bloc = f.secretary(f.bloc);
        // by default a grassroots organization signs its members' list and the committee above its organizations'
        assertThat(toDecide(committee)).extracting("id", "toSign", "appeals").containsExactly(tuple(f.cycle, 1, 0));
        assertThat(toDecide(bloc)).extracting("id", "toSign", "appeals").containsExactly(tuple(f.cycle, 2, 0));
        assertThat(home.model(f.secretary(f.chapterA))).doesNotContainKey("evaluationToDecide");
        assertThat(home.model(committee)).doesNotContainKey("evaluationStaffCycles");
        assertThat(page(committee, "vi")).contains("id=\"evaluation-home-decide\"", "1 danh sách chờ ký quyết định",
                "/evaluation/cycles/" + f.cycle + "/decisions\"");

        decideCase(f.committee.value());
        decisions.sign(f.cycle, list(f.committee.value(), "MEMBER"), "15-QĐ/ĐU", committee);
        assertThat(home.model(committee)).doesNotContainKey("evaluationToDecide");

        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Tôi dự họp đầy đủ cả năm.", "HTXSNV"),
                f.member(f.binh));
        assertThat(toDecide(committee)).extracting("id", "toSign", "appeals").containsExactly(tuple(f.cycle, 0, 1));
        // the bloc's committee does not decide the committee's members' appeals
        assertThat(toDecide(bloc)).extracting("toSign", "appeals").containsExactly(tuple(2, 0));
        assertThat(page(committee, "en")).contains("1 appeals to decide",
                "/evaluation/cycles/" + f.cycle + "/appeals\"").doesNotContain("lists to sign");

        appeals.decide(f.cycle, filed.id(), new DecideAppeal(AppealOutcome.UPHELD, null,
                "Sổ họp ghi vắng không lý do."), committee);
        assertThat(home.model(committee)).doesNotContainKey("evaluationToDecide");
        assertThat(page(committee, "vi")).doesNotContain("id=\"evaluation-home-decide\"");
    }

    @Test
    void aMemberSeesTheLevelDecidedTheAppealWindowAndTheirAppeal() throws Exception {
        // nothing decided yet: no decision line
        assertThat(home.model(f.member(f.binh))).doesNotContainKey("evaluationMyDecision");
        decideCase(f.committee.value());
        decisions.sign(f.cycle, list(f.committee.value(), "MEMBER"), "15-QĐ/ĐU", f.secretary(f.committee));

        DecidedRating binh = appeals.myDecidedRatings(f.member(f.binh)).get(0);
        String lastDay = DAY.format(binh.lastDay());
        assertThat(decision(f.member(f.binh))).extracting("cycle", "year", "level", "appealUntil", "appeal")
                .containsExactly(f.cycle, DecisionFixture.YEAR, "HTTNV", binh.lastDay(), null);
        assertThat(decisionLine(f.member(f.binh), "vi")).contains("Mức xếp loại được quyết định năm " + DecisionFixture.YEAR,
                "Hoàn thành tốt nhiệm vụ (HTTNV)", "Bạn có thể khiếu nại đến hết ngày " + lastDay,
                "href=\"/evaluation/my-ratings\"");

        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Tôi dự họp đầy đủ cả năm.", "HTXSNV"),
                f.member(f.binh));
        // while it is re-examined the window no longer shows: the appeal does
        assertThat(decision(f.member(f.binh))).extracting("appealUntil", "appeal")
                .containsExactly(null, AppealStatus.OPEN);
        assertThat(decisionLine(f.member(f.binh), "en")).contains("Decided level for " + DecisionFixture.YEAR,
                "Good (HTTNV)", "Your appeal is being re-examined").doesNotContain("You may appeal until");

        appeals.decide(f.cycle, filed.id(), new DecideAppeal(AppealOutcome.CHANGED, "HTXSNV",
                "Sổ họp ghi đủ các buổi."), f.secretary(f.committee));
        assertThat(decision(f.member(f.binh))).extracting("level", "appeal", "outcome")
                .containsExactly("HTXSNV", AppealStatus.DECIDED, AppealOutcome.CHANGED);
        assertThat(decisionLine(f.member(f.binh), "vi")).contains("Hoàn thành xuất sắc nhiệm vụ (HTXSNV)",
                "Khiếu nại của bạn đã được giải quyết: Xếp loại lại: Hoàn thành xuất sắc nhiệm vụ");

        // An did not appeal: the window only
        assertThat(decision(f.member(f.an))).extracting("level", "appealUntil", "appeal")
                .containsExactly("HTTNV", binh.lastDay(), null);
        // Dung's list is not signed: no decision line
        assertThat(home.model(f.member(f.dung))).doesNotContainKey("evaluationMyDecision");
    }

    @Test
    void aReviewerAndAMemberWithNothingGetNoEvaluationLines() throws Exception {
        decideCase(f.committee.value());
        decisions.sign(f.cycle, list(f.committee.value(), "MEMBER"), "15-QĐ/ĐU", f.secretary(f.committee));
        appeals.file(f.cycle, new FileAppeal(null, "Tôi dự họp đầy đủ cả năm.", "HTXSNV"), f.member(f.binh));

        Caller reviewer = new Caller("rev-" + f.prefix, Set.of(Role.REVIEWER), null, null, f.committee.value());
        assertThat(home.model(reviewer)).isEmpty();
        // the page of a reviewer without a reviewing body (another module's section wants a real one)
        Caller bodiless = new Caller("rev-" + f.prefix, Set.of(Role.REVIEWER), null, null, null);
        Caller nobody = new Caller("m-" + f.prefix, Set.of(Role.MEMBER), UUID.randomUUID(), null, null);
        for (Caller caller : List.of(bodiless, nobody)) {
            assertThat(home.model(caller)).isEmpty();
            assertThat(page(caller, "vi")).doesNotContain("id=\"evaluation-home\"");
        }
    }

    /**
     * The quota case of a grassroots organization decided through the calibration service: the fixture's quota allows
     * nobody to keep the level, so everyone moves down to HTTNV.
     */
    private void decideCase(UUID group) {
        CalibrationView k = calibrations.list(f.cycle, EVALUATOR).stream()
                .filter(c -> c.group().equals(group.toString())).findFirst().orElseThrow();
        calibrations.decide(f.cycle, k.caseId(), new CalibrationChoice(List.of(), "Theo tỷ lệ.", null, null,
                null), EVALUATOR);
    }

    private UUID list(UUID organization, String kind) {
        return decisions.lists(f.cycle, EVALUATOR).stream()
                .filter(d -> d.organization().equals(organization) && d.kind().equals(kind))
                .map(DecisionSummary::id).findFirst().orElseThrow();
    }

    /** The staff line of the fixture's cycle: quota cases to decide, lists to sign, appeals to decide. */
    private List<Object> staffLine(Caller staff) {
        List<?> open = (List<?>) home.model(staff).get("evaluationStaffCycles");
        assertThat(open).isNotNull();
        return open.stream().filter(c -> f.cycle.equals(field(c, "id"))).findFirst()
                .map(c -> List.of(field(c, "calibrations"), field(c, "toSign"), field(c, "appeals"))).orElseThrow();
    }

    private List<?> toDecide(Caller secretary) {
        List<?> lines = (List<?>) home.model(secretary).get("evaluationToDecide");
        assertThat(lines).isNotNull();
        return lines;
    }

    private Object decision(Caller member) {
        Map<String, Object> model = home.model(member);
        assertThat(model).containsKey("evaluationMyDecision");
        return model.get("evaluationMyDecision");
    }

    private static Object field(Object record, String name) {
        try {
            Method accessor = record.getClass().getDeclaredMethod(name);
            // the section's records are the web package's own
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The member's decision paragraph of the home page (the rating line above it shows the engine's level). */
    private String decisionLine(Caller member, String lang) throws Exception {
        String page = page(member, lang);
        int start = page.indexOf("id=\"evaluation-home-decision\"");
        assertThat(start).isNotNegative();
        return page.substring(start, page.indexOf("</p>", start));
    }

    private String page(Caller caller, String lang) throws Exception {
        return mvc.perform(get("/").param("lang", lang).with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
