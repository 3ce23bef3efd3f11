package org.cadre.evaluation.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.whatif.WhatIfFixture.ADMIN;
import static org.cadre.evaluation.whatif.WhatIfFixture.EVALUATOR;
import static org.cadre.evaluation.whatif.WhatIfFixture.OTHER_YEARS_PACK;
import static org.cadre.evaluation.whatif.WhatIfFixture.PACK;
import static org.cadre.evaluation.whatif.WhatIfFixture.RULE_ADMIN;
import static org.cadre.evaluation.whatif.WhatIfFixture.YEAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.internal.whatif.WhatIf;
import org.cadre.evaluation.internal.whatif.WhatIfComparison;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.supervision.ChapterMeetings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What-if: one parameter changed in a new version of the cycle's pack, the stored facts of the current run rated
 * again with it. It lists exactly the subjects whose level changes (a member, her chapter, and the bloc above,
 * rated on the new grassroots results), counts before as the run's and after as the new threshold gives, and leaves
 * the cycle, its runs and ratings as they were. One bloc, meetings and run for the class.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    Cycles cycles;
    @Autowired
    CycleResults results;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    WhatIf whatIf;
    @Autowired
    JdbcClient jdbc;

    WhatIfFixture fixture;
    CycleView cycle;
    int loweredGood;

    @BeforeAll
    void aRatedCycleAndAVersionWithOneParameterChanged() {
        WhatIfFixture.storePacks(registry);
        fixture = new WhatIfFixture(organizations, members);
        fixture.recordMeetings(meetings);
        fixture.awaitFacts(jdbc);
        CycleView opened = cycles.open(new OpenCycle(YEAR, fixture.bloc.value()), EVALUATOR);
        assertThat(opened.packId()).isEqualTo(PACK);
        cycle = WhatIfFixture.runAndWait(cycles, opened.id());
        assertThat(cycle.currentRun()).isPresent();
        loweredGood = registry.changeParameters(PACK, cycle.packVersion(), Map.of("goodAttendance", "1/4"), "rules")
                .version();
    }

    @Test
    void changingOneParameterListsExactlyTheSubjectsWhoseLevelChanges() {
        String untouched = state(cycle.id());
        String digest = cycle.currentRun().orElseThrow().digest();

        WhatIfComparison comparison = whatIf.compare(cycle.id(), PACK, loweredGood, RULE_ADMIN);

        assertThat(comparison.runPackVersion()).isEqualTo(cycle.packVersion());
        assertThat(comparison.version()).isEqualTo(loweredGood);
        Map<UUID, String> changes = comparison.changes().stream().collect(Collectors.toMap(
                WhatIfComparison.Change::subjectId, c -> c.beforeOutcome() + ">" + c.afterOutcome()));
        assertThat(changes).containsOnly(
                Map.entry(fixture.dung.value(), "HTNV>HTTNV"),
                Map.entry(fixture.grassrootsChapter.value(), "HTNV>TSVM"),
                Map.entry(fixture.bloc.value(), "HTNV>TSVM")); // rated above, on the new grassroots result
        WhatIfComparison.Change dung = comparison.changes().stream()
                .filter(c -> c.subjectId().equals(fixture.dung.value())).findFirst().orElseThrow();
        assertThat(dung.name()).isEqualTo("Phạm Thị Dung");
        assertThat(dung.before().reasonRuleIds()).contains("W-HT").doesNotContain("W-TT");
        assertThat(dung.after().reasonRuleIds()).contains("W-TT");
        assertThat(comparison.changes()).extracting(WhatIfComparison.Change::subject)
                .containsExactly(Proposal.Subject.MEMBER, Proposal.Subject.ORGANIZATION,
                        Proposal.Subject.ORGANIZATION);

        // before is the current run, after is what a quarter of the meetings gives
        assertThat(comparison.before()).isEqualTo(results.counts(cycle.id()));
        assertThat(comparison.before().get(Proposal.Subject.MEMBER))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HTXSNV", 1, "HTTNV", 2, "HTNV", 1));
        assertThat(comparison.before().get(Proposal.Subject.ORGANIZATION))
                .containsExactlyInAnyOrderEntriesOf(Map.of("TSVM", 3, "HTNV", 2));
        assertThat(comparison.after().get(Proposal.Subject.MEMBER))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HTXSNV", 1, "HTTNV", 3));
        assertThat(comparison.after().get(Proposal.Subject.ORGANIZATION))
                .containsExactlyInAnyOrderEntriesOf(Map.of("TSVM", 5));

        // nothing written: the same current run, digest, runs and rows
        assertThat(state(cycle.id())).isEqualTo(untouched);
        assertThat(cycles.find(cycle.id(), EVALUATOR).orElseThrow().currentRun().orElseThrow().digest())
                .isEqualTo(digest);
    }

    @Test
    void theCyclesOwnVersionChangesNothing() {
        WhatIfComparison same = whatIf.compare(cycle.id(), null, cycle.packVersion(), EVALUATOR);
        assertThat(same.changes()).isEmpty();
        assertThat(same.after()).isEqualTo(same.before());
    }

    @Test
    void onlyRuleAdministratorsEvaluationStaffAndAdministratorsMayAsk() throws Exception {
        for (Caller refused : new Caller[] {fixture.secretaryOf(fixture.bloc), fixture.member(fixture.an)}) {
            assertThatThrownBy(() -> whatIf.compare(cycle.id(), PACK, loweredGood, refused))
                    .isInstanceOfSatisfying(Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
            mvc.perform(get("/api/evaluation/cycles/{id}/what-if", cycle.id()).param("version", "" + loweredGood)
                    .with(authentication(new CallerAuthentication(refused)))).andExpect(status().isForbidden());
        }
        assertThat(whatIf.compare(cycle.id(), PACK, loweredGood, ADMIN).changes()).hasSize(3);
        mvc.perform(get("/api/evaluation/cycles/{id}/what-if", cycle.id()).param("version", "" + loweredGood)
                        .with(authentication(new CallerAuthentication(RULE_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.length()").value(3))
                .andExpect(jsonPath("$.after.MEMBER.HTTNV").value(3))
                .andExpect(jsonPath("$.before.MEMBER.HTTNV").value(2));
    }

    @Test
    void anUnknownVersionAVersionForOtherYearsAndACycleWithoutARunAreRefused() throws Exception {
        String untouched = state(cycle.id());
        assertThatThrownBy(() -> whatIf.compare(cycle.id(), PACK, 999, EVALUATOR))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RatingRulesRefusal.VERSION_NOT_FOUND));
        mvc.perform(get("/api/evaluation/cycles/{id}/what-if", cycle.id()).param("version", "999")
                        .with(authentication(new CallerAuthentication(EVALUATOR))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.reason").value("version-not-found"));

        assertThatThrownBy(() -> whatIf.compare(cycle.id(), OTHER_YEARS_PACK, 1, EVALUATOR))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.VERSION_NOT_FOR_YEAR));
        mvc.perform(get("/api/evaluation/cycles/{id}/what-if", cycle.id()).param("pack", OTHER_YEARS_PACK)
                        .param("version", "1").param("lang", "en")
                        .with(authentication(new CallerAuthentication(EVALUATOR))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("version-not-for-year"))
                .andExpect(jsonPath("$.detail").value(
                        "Version 1 of rule pack test-whatif-2009 serves the years 2009–2009, not the cycle's year"
                                + " 2007."));
        assertThat(state(cycle.id())).isEqualTo(untouched);

        CycleView notRun = cycles.open(new OpenCycle(YEAR, fixture.grassrootsChapter.value()), EVALUATOR);
        assertThatThrownBy(() -> whatIf.compare(notRun.id(), PACK, loweredGood, EVALUATOR))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.NO_RUN_YET));
    }

    @Test
    void thePageShowsTheCountsAndTheChangedSubjectsInBothLanguages() throws Exception {
        String vi = page("vi", loweredGood);
        assertThat(vi).contains("Nếu áp dụng phiên bản khác: năm 2007", "Số lượng theo mức",
                "Đối tượng đổi mức (3)", "Phạm Thị Dung", "Chi bộ Ban " + fixture.prefix,
                "Hoàn thành tốt nhiệm vụ (HTTNV)", "Vì sao", "Tỷ lệ dự sinh hoạt để hoàn thành tốt: 1/4")
                .doesNotContain("Trần Thị Bình", "Nguyễn Văn An");
        String en = page("en", loweredGood);
        assertThat(en).contains("What if another version applied: 2007", "Counts per level",
                "Subjects whose level changes (3)", "Phạm Thị Dung", "Good (HTTNV)", "Why",
                "Attendance for good: 1/4").doesNotContain("Trần Thị Bình");

        String refused = page("en", 999);
        assertThat(refused).contains("id=\"whatif-problem\"").doesNotContain("whatif-changed");

        String cyclePage = mvc.perform(get("/evaluation/cycles/{id}", cycle.id())
                        .with(authentication(new CallerAuthentication(EVALUATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cyclePage).contains("/evaluation/cycles/" + cycle.id() + "/what-if");
    }

    private String page(String language, int version) throws Exception {
        return mvc.perform(get("/evaluation/cycles/{id}/what-if", cycle.id()).param("version", "" + version)
                        .param("lang", language).with(authentication(new CallerAuthentication(RULE_ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The cycle's row, its runs with their digests and every rating row of its runs, as one string. */
    private String state(UUID id) {
        return jdbc.sql("""
                SELECT c.current_run_id::text || '|' || c.version || '|' || c.status || '|'
                       || (SELECT string_agg(u.run_id::text || u.state || coalesce(u.digest, ''), ',' ORDER BY u.run_id)
                           FROM evaluation.run u WHERE u.cycle_id = c.cycle_id) || '|'
                       || (SELECT md5(string_agg(r::text, '' ORDER BY r.run_id, r.subject_id)) || count(*)
                           FROM evaluation.rating r JOIN evaluation.run u ON u.run_id = r.run_id
                           WHERE u.cycle_id = c.cycle_id)
                FROM evaluation.cycle c WHERE c.cycle_id = :id
                """).param("id", id).query(String.class).single();
    }
}
