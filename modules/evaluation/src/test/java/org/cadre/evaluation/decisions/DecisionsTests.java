package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.cadre.evaluation.decisions.DecisionFixture.ADMIN;
import static org.cadre.evaluation.decisions.DecisionFixture.EVALUATOR;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionAuthority;
import org.cadre.evaluation.DecisionSigned;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The competent level decides each grassroots organization's lists from the proposals of a real run after
 * calibration: departures need reasons, signing waits for the quota cases and locks the list; who is competent is
 * data with the regulation's default; every bad input is refused with its reason and writes nothing.
 */
@DecisionsModuleTest
class DecisionsTests {

    @Autowired
    Decisions decisions;
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

    DecisionFixture f;

    @BeforeEach
    void run() {
        DecisionFixture.activatePack(registry);
        f = new DecisionFixture(organizations, members);
        f.openAndRun(cycles, jdbc);
    }

    @Test
    void theCommitteeDecidesItsMembersWithReasonsAndSignsOnceCalibratedThenTheListIsLocked(
            AssertablePublishedEvents events) {
        List<DecisionSummary> lists = decisions.lists(f.cycle, EVALUATOR);
        assertThat(lists).extracting(DecisionSummary::organization, DecisionSummary::kind).containsExactly(
                tuple(f.committee.value(), "MEMBER"),
                tuple(f.committee.value(), "ORGANIZATION"),
                tuple(f.grassrootsChapter.value(), "MEMBER"),
                tuple(f.grassrootsChapter.value(), "ORGANIZATION"));
        DecisionSummary memberList = lists.get(0);
        assertThat(memberList.competent()).isEqualTo(f.committee.value());
        assertThat(memberList.byDefault()).isTrue();
        assertThat(memberList.status()).isEqualTo(DecisionStatus.DRAFT);
        assertThat(memberList.subjects()).isEqualTo(3);
        Caller secretary = f.secretary(f.committee);
        UUID id = memberList.id();

        // everyone was proposed excellent: the quota case is open, signing waits for it and writes nothing
        DecisionView draft = decisions.decision(f.cycle, id, secretary);
        assertThat(draft.openCases()).isEqualTo(1);
        assertThat(draft.items()).extracting(DecisionView.Item::proposedLevel).containsOnly("HTXSNV");
        String before = snapshot(id);
        refused(() -> decisions.sign(f.cycle, id, "15-QĐ/ĐU", secretary), EvaluationRefusal.CALIBRATION_PENDING,
                "1");
        assertThat(snapshot(id)).isEqualTo(before);

        // the committee keeps An at the level: Bình and Cường move down, and the draft follows the new proposals
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        DecisionView calibrated = decisions.decision(f.cycle, id, secretary);
        assertThat(calibrated.openCases()).isZero();
        assertThat(item(calibrated, f.binh.value()).engineLevel()).isEqualTo("HTXSNV");
        assertThat(item(calibrated, f.binh.value()).proposedLevel()).isEqualTo("HTTNV");
        assertThat(item(calibrated, f.binh.value()).level()).isEqualTo("HTTNV");

        // a departure without a reason is refused; with one it is kept and counted
        String undecided = snapshot(id);
        refused(() -> decisions.decide(f.cycle, id, f.cuong.value(), "HTNV", "  ", secretary),
                EvaluationRefusal.REASON_REQUIRED);
        refused(() -> decisions.decide(f.cycle, id, f.cuong.value(), "TSVM", "lý do", secretary),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        assertThat(snapshot(id)).isEqualTo(undecided);
        DecisionView decided = decisions.decide(f.cycle, id, f.cuong.value(), "HTNV",
                "Chậm hoàn thành nhiệm vụ quý IV.", secretary);
        assertThat(item(decided, f.cuong.value()).departs()).isTrue();
        assertThat(item(decided, f.cuong.value()).reason()).isEqualTo("Chậm hoàn thành nhiệm vụ quý IV.");
        decisions.decide(f.cycle, id, f.binh.value(), "HTTNV", null, secretary);
        assertThat(decided.summary().departures()).isEqualTo(1);

        DecisionView signed = decisions.sign(f.cycle, id, "15-QĐ/ĐU", secretary);
        assertThat(signed.signed()).isTrue();
        assertThat(signed.summary().number()).isEqualTo("15-QĐ/ĐU");
        assertThat(signed.summary().signedBy()).isEqualTo(secretary.username());
        assertThat(signed.summary().signedAt()).isNotNull();
        assertThat(events.ofType(DecisionSigned.class).matching(e -> e.decision().equals(id))).singleElement()
                .satisfies(e -> {
                    assertThat(e.levels()).containsEntry(f.an.value(), "HTXSNV")
                            .containsEntry(f.binh.value(), "HTTNV").containsEntry(f.cuong.value(), "HTNV");
                    assertThat(e.departures()).isEqualTo(1);
                    assertThat(e.competent()).isEqualTo(f.committee.value());
                    assertThat(e.kind()).isEqualTo("MEMBER");
                });
        assertThat(decisions.signedLevel(f.cycle, f.cuong.value())).hasValueSatisfying(s -> {
            assertThat(s.decisionId()).isEqualTo(id);
            assertThat(s.level()).isEqualTo("HTNV");
            assertThat(s.competentId()).isEqualTo(f.committee.value());
            assertThat(s.signedAt()).isEqualTo(signed.summary().signedAt());
        });
        assertThat(decisions.signedLevel(f.cycle, f.dung.value())).isEmpty();

        // locked: no change, not even by an administrator, and a rerun leaves it as signed
        String locked = snapshot(id);
        refused(() -> decisions.decide(f.cycle, id, f.an.value(), "HTTNV", "lý do", ADMIN),
                EvaluationRefusal.DECISION_SIGNED);
        refused(() -> decisions.sign(f.cycle, id, "16-QĐ/ĐU", ADMIN), EvaluationRefusal.DECISION_SIGNED);
        refused(() -> decisions.setAuthority(f.cycle, f.committee.value(), "MEMBER", f.bloc.value(), ADMIN),
                EvaluationRefusal.DECISION_SIGNED);
        EvaluationTesting.runAndWait(cycles, f.cycle, EVALUATOR);
        decisions.lists(f.cycle, EVALUATOR);
        assertThat(snapshot(id)).isEqualTo(locked);
        assertThat(authorityRows()).isZero();
    }

    @Test
    void theOrganizationsListIsTheCommitteeAbovesByDefaultAndStaffMayMoveItOneLevelAtMost() {
        DecisionSummary organizationList = decisions.lists(f.cycle, EVALUATOR).stream()
                .filter(s -> s.organization().equals(f.committee.value()) && s.kind().equals("ORGANIZATION"))
                .findFirst().orElseThrow();
        assertThat(organizationList.competent()).isEqualTo(f.bloc.value());
        assertThat(organizationList.subjects()).isEqualTo(3);
        UUID id = organizationList.id();
        Caller committeeSecretary = f.secretary(f.committee);
        String before = snapshot(id);
        refused(() -> decisions.decide(f.cycle, id, f.chapterA.value(), "HTNV", "lý do", committeeSecretary),
                EvaluationRefusal.NOT_COMPETENT);
        // the bloc's secretary is competent; the committee's sees the list but may not decide it
        assertThat(decisions.lists(f.cycle, f.secretary(f.bloc))).extracting(DecisionSummary::id).contains(id);
        assertThat(decisions.lists(f.cycle, committeeSecretary)).filteredOn(s -> s.id().equals(id))
                .singleElement().satisfies(s -> assertThat(s.mayDecide()).isFalse());

        // two levels or sideways is too far; a secretary may not move it; nothing is written
        refused(() -> decisions.setAuthority(f.cycle, f.committee.value(), "ORGANIZATION", f.chapterA.value(),
                EVALUATOR), EvaluationRefusal.AUTHORITY_TOO_FAR, "Chi bộ A " + f.prefix);
        refused(() -> decisions.setAuthority(f.cycle, f.committee.value(), "ORGANIZATION",
                f.grassrootsChapter.value(), EVALUATOR), EvaluationRefusal.AUTHORITY_TOO_FAR);
        refused(() -> decisions.setAuthority(f.cycle, f.chapterA.value(), "MEMBER", f.committee.value(),
                EVALUATOR), EvaluationRefusal.ORGANIZATION_UNKNOWN);
        refused(() -> decisions.setAuthority(f.cycle, f.committee.value(), "ORGANIZATION", f.committee.value(),
                committeeSecretary), EvaluationRefusal.NOT_ALLOWED);
        assertThat(authorityRows()).isZero();
        assertThat(snapshot(id)).isEqualTo(before);

        DecisionAuthority set = decisions.setAuthority(f.cycle, f.committee.value(), "ORGANIZATION",
                f.committee.value(), EVALUATOR);
        assertThat(set.competent()).isEqualTo(f.committee.value());
        assertThat(set.byDefault()).isFalse();
        DecisionView decided = decisions.decide(f.cycle, id, f.chapterA.value(), "HTNV", "Chưa hoàn thành chỉ tiêu.",
                committeeSecretary);
        assertThat(decided.summary().competent()).isEqualTo(f.committee.value());
        assertThat(decided.summary().byDefault()).isFalse();
        refused(() -> decisions.decide(f.cycle, id, f.chapterA.value(), "TSVM", null, f.secretary(f.bloc)),
                EvaluationRefusal.NOT_COMPETENT);

        // back to the default
        assertThat(decisions.setAuthority(f.cycle, f.committee.value(), "ORGANIZATION", null, ADMIN).competent())
                .isEqualTo(f.bloc.value());
        assertThat(decisions.decision(f.cycle, id, ADMIN).summary().competent()).isEqualTo(f.bloc.value());
    }

    @Test
    void outsidersOfTheCompetentLevelAreRefusedAndWriteNothing() {
        UUID id = decisions.lists(f.cycle, EVALUATOR).get(0).id();
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        decisions.decision(f.cycle, id, EVALUATOR);
        String before = snapshot(id);
        // Caller keeps an organization scope only with the secretary's role: evaluation staff scoped to a subtree
        Caller scopedElsewhere = new Caller("eva-elsewhere", Set.of(Role.EVALUATOR, Role.SECRETARY), null,
                f.grassrootsChapter.value(), null);
        Caller chapterSecretary = f.secretary(f.chapterA);
        Caller member = f.member(f.an);
        for (Caller outsider : List.of(scopedElsewhere, chapterSecretary, member)) {
            assertThat(catchThrowable(() -> decisions.decide(f.cycle, id, f.an.value(), "HTTNV", "lý do",
                    outsider))).as(outsider.username()).isInstanceOfSatisfying(Refused.class,
                            e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.NOT_COMPETENT));
            refused(() -> decisions.sign(f.cycle, id, "1-QĐ/ĐU", outsider), EvaluationRefusal.NOT_COMPETENT);
        }
        refused(() -> decisions.decision(f.cycle, id, member), EvaluationRefusal.NOT_COMPETENT);
        assertThat(decisions.lists(f.cycle, scopedElsewhere)).filteredOn(DecisionSummary::mayDecide)
                .extracting(DecisionSummary::organization, DecisionSummary::kind)
                .containsExactly(tuple(f.grassrootsChapter.value(), "MEMBER"));
        assertThat(decisions.lists(f.cycle, member)).isEmpty();
        assertThat(snapshot(id)).isEqualTo(before);
        // evaluation staff scoped to the bloc decide anything in it
        Caller scopedToBloc = new Caller("eva-bloc", Set.of(Role.EVALUATOR, Role.SECRETARY), null, f.bloc.value(),
                null);
        assertThat(decisions.decide(f.cycle, id, f.an.value(), "HTTNV", "lý do", scopedToBloc).summary()
                .departures()).isEqualTo(1);
    }

    @Test
    void aClosedCycleTakesNoChangeAndNothingIsWritten() {
        UUID id = decisions.lists(f.cycle, EVALUATOR).get(0).id();
        f.calibrate(jdbc, f.committee.value(), List.of(f.an.value()));
        decisions.decision(f.cycle, id, EVALUATOR);
        cycles.close(f.cycle, EVALUATOR);
        String before = snapshot(id);
        refused(() -> decisions.decide(f.cycle, id, f.an.value(), "HTTNV", "lý do", ADMIN),
                EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> decisions.sign(f.cycle, id, "1-QĐ/ĐU", ADMIN), EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> decisions.setAuthority(f.cycle, f.committee.value(), "MEMBER", f.bloc.value(), ADMIN),
                EvaluationRefusal.CYCLE_CLOSED);
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(authorityRows()).isZero();
        assertThat(decisions.lists(f.cycle, EVALUATOR)).hasSize(4);
        refused(() -> decisions.decision(f.cycle, UUID.randomUUID(), ADMIN), EvaluationRefusal.DECISION_UNKNOWN);
    }

    private static DecisionView.Item item(DecisionView view, UUID subject) {
        return view.items().stream().filter(i -> i.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** The decision's row and its items as text: what "nothing was written" compares. */
    private String snapshot(UUID decision) {
        return jdbc.sql("""
                SELECT d.status || '|' || coalesce(d.number, '') || '|' || d.version || '|' || d.competent_id || '|'
                       || coalesce(string_agg(i.subject_id || ':' || coalesce(i.proposed_level, '') || ':'
                          || coalesce(i.level, '') || ':' || coalesce(i.reason, ''), ',' ORDER BY i.subject_id), '')
                FROM evaluation.decision d LEFT JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
                WHERE d.decision_id = :id GROUP BY d.decision_id""").param("id", decision).query(String.class)
                .single();
    }

    private int authorityRows() {
        return jdbc.sql("SELECT count(*) FROM evaluation.decision_authority WHERE cycle_id = :cycle")
                .param("cycle", f.cycle).query(Integer.class).single();
    }

    static void refused(ThrowingCallable call, EvaluationRefusal reason, Object... arguments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            if (arguments.length > 0) {
                assertThat(e.arguments()).containsExactly(arguments);
            }
        });
    }
}
