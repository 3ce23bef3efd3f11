package org.cadre.evaluation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.cadre.evaluation.AppealDecided;
import org.cadre.evaluation.AppealFiled;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealStep;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.FileAppeal;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.Proposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Appeals on a real cycle and run, with lists signed through the decisions: a member appeals their
 * own level within the window, the competent level notes its re-examination and decides (upheld, then on a second
 * appeal changed), an organization's secretary appeals for it, and the level that holds follows; every step is in the
 * audit with who and when.
 */
@AppealsModuleTest
class AppealWorkflowTests {

    @Autowired
    Appeals appeals;
    @Autowired
    Cycles cycles;
    @Autowired
    Decisions decisions;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    AppealFixture f;

    @BeforeEach
    void cycle() {
        f = new AppealFixture(organizations, members, registry, cycles, decisions, jdbc);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aMemberAppealsTheCommitteeUpholdsThenASecondAppealChangesTheLevel(AssertablePublishedEvents events) {
        f.sign(f.committee, "MEMBER", f.committee, Map.of(f.an.value(), "HTNV",
                f.binh.value(), "HTTNV"));
        Caller an = f.member(f.an);
        DecidedRating before = appeals.myDecidedRatings(an).get(0);
        assertThat(before.level()).isEqualTo("HTNV");
        assertThat(before.appealable()).isTrue();
        assertThat(before.lastDay()).isEqualTo(java.time.LocalDate.now(clock).plusDays(29));
        // appeals read the same signed decision the decisions answer for the member
        assertThat(decisions.signedLevel(f.cycle, f.an.value())).hasValueSatisfying(signed -> {
            assertThat(before.decision()).isEqualTo(signed.decisionId());
            assertThat(before.signedAt()).isEqualTo(signed.signedAt());
            assertThat(before.level()).isEqualTo(signed.level());
        });

        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "  Tôi dự họp đầy đủ cả năm.  ", "HTTNV"), an);
        assertThat(filed.status()).isEqualTo(AppealStatus.OPEN);
        assertThat(filed.subject()).isEqualTo(f.an.value());
        assertThat(filed.subjectKind()).isEqualTo(Proposal.Subject.MEMBER);
        assertThat(filed.grounds()).isEqualTo("Tôi dự họp đầy đủ cả năm.");
        assertThat(filed.levelBefore()).isEqualTo("HTNV");
        assertThat(filed.competent()).isEqualTo(decisions.signedLevel(f.cycle, f.an.value()).orElseThrow()
                .competentId());
        assertThat(events.ofType(AppealFiled.class).matching(e -> e.appeal().equals(filed.id()))).hasSize(1);
        assertThat(appeals.myDecidedRatings(an).get(0).appealable()).isFalse();

        Caller committee = f.secretaryOf(f.committee);
        AppealView noted = appeals.note(f.cycle, filed.id(), "Đã nghe đồng chí An trình bày; đối chiếu sổ họp.",
                committee);
        assertThat(noted.mayReexamine()).isTrue();
        AppealView upheld = appeals.decide(f.cycle, filed.id(), new DecideAppeal(AppealOutcome.UPHELD, null,
                "Sổ họp ghi vắng 3 buổi không lý do."), committee);
        assertThat(upheld.status()).isEqualTo(AppealStatus.DECIDED);
        assertThat(upheld.outcome()).isEqualTo(AppealOutcome.UPHELD);
        assertThat(upheld.levelAfter()).isEqualTo("HTNV");
        assertThat(upheld.decidedBy()).isEqualTo(committee.username());
        assertThat(upheld.steps()).extracting(AppealStep::kind).containsExactly(AppealStep.Kind.FILED,
                AppealStep.Kind.NOTE, AppealStep.Kind.DECIDED);
        assertThat(upheld.steps()).extracting(AppealStep::by).containsExactly(an.username(), committee.username(),
                committee.username());
        assertThat(upheld.steps()).allSatisfy(s -> assertThat(s.at()).isNotNull());
        assertThat(upheld.steps().get(2).text()).contains("Sổ họp ghi vắng");
        assertThat(f.decided(f.an.value())).isEqualTo("HTNV/DECISION");
        assertThat(events.ofType(AppealDecided.class).matching(e -> e.appeal().equals(filed.id()))).hasSize(1)
                .element(0).satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AppealOutcome.UPHELD);
                    assertThat(e.levelBefore()).isEqualTo("HTNV");
                    assertThat(e.levelAfter()).isEqualTo("HTNV");
                });

        // a second appeal once the first is decided, decided by evaluation staff (whole bloc): changed
        AppealView second = appeals.file(f.cycle, new FileAppeal(f.an.value(), "Có giấy xác nhận nghỉ ốm.", null),
                an);
        AppealView changed = appeals.decide(f.cycle, second.id(), new DecideAppeal(AppealOutcome.CHANGED, "HTTNV",
                "Ba buổi vắng có giấy nghỉ ốm."), AppealFixture.EVALUATOR);
        assertThat(changed.levelBefore()).isEqualTo("HTNV");
        assertThat(changed.levelAfter()).isEqualTo("HTTNV");
        assertThat(f.decided(f.an.value())).isEqualTo("HTTNV/APPEAL");
        assertThat(f.decided(f.binh.value())).isEqualTo("HTTNV/DECISION");
        assertThat(appeals.myDecidedRatings(an).get(0).level()).isEqualTo("HTTNV");
        assertThat(appeals.mine(an)).extracting(AppealView::id).containsExactly(second.id(), filed.id());
        assertThat(appeals.list(f.cycle, committee)).hasSize(2);
        assertThat(appeals.list(f.cycle, f.secretaryOf(f.grassrootsChapter))).isEmpty();
    }

    @Test
    void anOrganizationsSecretaryAppealsAndTheLevelAboveDecides() {
        f.sign(f.committee, "ORGANIZATION", f.bloc, Map.of(f.committee.value(), "HTNV",
                f.chapterA.value(), "HTNV"));
        Caller secretary = f.secretaryOf(f.committee);
        assertThat(appeals.appealableOrganizations(f.cycle, secretary)).extracting(DecidedRating::subject)
                .containsExactly(f.committee.value());
        AppealView filed = appeals.file(f.cycle, new FileAppeal(f.committee.value(),
                "Đảng bộ hoàn thành mọi chỉ tiêu.", "TSVM"), secretary);
        assertThat(filed.subjectKind()).isEqualTo(Proposal.Subject.ORGANIZATION);
        assertThat(filed.competent()).isEqualTo(f.bloc.value());
        // the organization's own secretary does not decide its appeal; the level above does
        assertThat(filed.mayReexamine()).isFalse();
        AppealView changed = appeals.decide(f.cycle, filed.id(), new DecideAppeal(AppealOutcome.CHANGED, "TSVM",
                "Đủ tiêu chuẩn trong sạch, vững mạnh."), f.secretaryOf(f.bloc));
        assertThat(changed.outcome()).isEqualTo(AppealOutcome.CHANGED);
        assertThat(f.decided(f.committee.value())).isEqualTo("TSVM/APPEAL");
        // staff may file for an organization on its behalf
        AppealView forChapter = appeals.file(f.cycle, new FileAppeal(f.chapterA.value(), "Thay mặt chi bộ.", null),
                AppealFixture.ADMIN);
        assertThat(forChapter.filedBy()).isEqualTo("admin");
    }

    @Test
    void theWindowIsCountedFromTheSigningDayAndStaffMayWidenIt() {
        // signed 29 days ago: today is the 30th day of the default window, the last one
        f.signedDaysAgo(clock, 29, f.committee, "MEMBER", f.committee,
                Map.of(f.an.value(), "HTNV"));
        assertThat(appeals.windowDays(f.cycle, AppealFixture.EVALUATOR)).isEqualTo(30);
        clock.advance(Duration.ofDays(1));
        assertThat(appeals.myDecidedRatings(f.member(f.an)).get(0).appealable()).isFalse();
        appeals.setWindowDays(f.cycle, 45, AppealFixture.EVALUATOR);
        assertThat(appeals.windowDays(f.cycle, AppealFixture.EVALUATOR)).isEqualTo(45);
        assertThat(appeals.myDecidedRatings(f.member(f.an)).get(0).appealable()).isTrue();
        appeals.file(f.cycle, new FileAppeal(null, "Xin xem xét lại.", null), f.member(f.an));
        assertThat(f.written().appeals()).isEqualTo(1);
    }

    @Test
    void theAuditIsAppendOnlyEvenByHand() {
        f.sign(f.committee, "MEMBER", f.committee, Map.of(f.an.value(), "HTNV"));
        AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Xin xem xét lại.", null), f.member(f.an));
        assertThatThrownBy(() -> jdbc.sql("UPDATE evaluation.appeal_step SET text = 'khác' WHERE appeal_id = :id")
                .param("id", filed.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM evaluation.appeal_step WHERE appeal_id = :id")
                .param("id", filed.id()).update()).hasMessageContaining("append-only");
        assertThat(f.written().steps()).isEqualTo(1);
    }
}
