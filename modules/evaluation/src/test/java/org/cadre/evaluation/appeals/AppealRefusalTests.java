package org.cadre.evaluation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.FileAppeal;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every bad input to an appeal is refused with its reason, and nothing is written: no appeal, no step, no window.
 * The committee's members' list is signed today through the decisions (An HTNV, Bình HTTNV with a reason, Cường
 * the proposal), decided by the committee itself.
 */
@AppealsModuleTest
class AppealRefusalTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    Caller an;
    Caller committee;

    @BeforeEach
    void signed() {
        f = new AppealFixture(organizations, members, registry, cycles, decisions, jdbc);
        f.sign(f.committee, "MEMBER", f.committee, Map.of(f.an.value(), "HTNV",
                f.binh.value(), "HTTNV"));
        an = f.member(f.an);
        committee = f.secretaryOf(f.committee);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    /** Refused for this reason (with these arguments, when given) and nothing written. */
    void refused(ThrowingCallable call, EvaluationRefusal reason, Object... arguments) {
        AppealFixture.Written before = f.written();
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            if (arguments.length > 0) {
                assertThat(e.arguments()).containsExactly(arguments);
            }
        });
        assertThat(f.written()).isEqualTo(before);
    }

    AppealView filed() {
        return appeals.file(f.cycle, new FileAppeal(null, "Xin xem xét lại.", null), an);
    }

    @Test
    void anAppealAfterTheWindow() {
        clock.advance(Duration.ofDays(30));
        String lastDay = DAY.format(LocalDate.now(clock).minusDays(1));
        refused(() -> filed(), EvaluationRefusal.APPEAL_WINDOW_CLOSED, lastDay);
        // a list signed long ago: the same
        clock.reset();
        f.signedDaysAgo(clock, 400, f.grassrootsChapter, "MEMBER", f.grassrootsChapter,
                Map.of(f.dung.value(), "HTNV"));
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "Muộn.", null), f.member(f.dung)),
                EvaluationRefusal.APPEAL_WINDOW_CLOSED);
    }

    @Test
    void noGroundsOrTooLong() {
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "   ", null), an), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> appeals.file(f.cycle, null, an), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "x".repeat(4001), null), an),
                EvaluationRefusal.REASON_TOO_LONG, "4000");
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "Lý do.", "XYZ"), an),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
    }

    @Test
    void anotherMembersRatingOrAForgedSubject() {
        refused(() -> appeals.file(f.cycle, new FileAppeal(f.binh.value(), "Thay Bình.", null), an),
                EvaluationRefusal.NOT_ALLOWED);
        // a secretary names an organization that is not theirs, or an id that is nobody's
        refused(() -> appeals.file(f.cycle, new FileAppeal(f.committee.value(), "Giả.", null),
                f.secretaryOf(f.chapterA)), EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> appeals.file(f.cycle, new FileAppeal(UUID.randomUUID(), "Giả.", null), committee),
                EvaluationRefusal.OUT_OF_SCOPE);
        // staff naming a member's id files for an organization: no signed organization item holds it
        refused(() -> appeals.file(f.cycle, new FileAppeal(f.an.value(), "Thay An.", null), AppealFixture.EVALUATOR),
                EvaluationRefusal.NOT_DECIDED_YET);
        refused(() -> appeals.file(f.cycle, new FileAppeal(UUID.randomUUID(), "Giả.", null), AppealFixture.ADMIN),
                EvaluationRefusal.NOT_DECIDED_YET);
        // a reviewer, or staff with no member of their own, has no rating to appeal
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "Lý do.", null), AppealFixture.REVIEWER),
                EvaluationRefusal.NOT_ALLOWED);
    }

    @Test
    void notDecidedYet() {
        // Dung's list and the committee's organizations' list are only drafts; the bloc is on no list at all
        assertThat(f.list(f.grassrootsChapter, "MEMBER").status()).isEqualTo(DecisionStatus.DRAFT);
        assertThat(f.list(f.committee, "ORGANIZATION").status()).isEqualTo(DecisionStatus.DRAFT);
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "Lý do.", null), f.member(f.dung)),
                EvaluationRefusal.NOT_DECIDED_YET);
        refused(() -> appeals.file(f.cycle, new FileAppeal(f.chapterA.value(), "Lý do.", null),
                f.secretaryOf(f.chapterA)), EvaluationRefusal.NOT_DECIDED_YET);
        refused(() -> appeals.file(f.cycle, new FileAppeal(f.bloc.value(), "Lý do.", null), AppealFixture.EVALUATOR),
                EvaluationRefusal.NOT_DECIDED_YET);
    }

    @Test
    void aSecondOpenAppealOrDecidingTwice() {
        AppealView open = filed();
        refused(() -> filed(), EvaluationRefusal.APPEAL_EXISTS);
        appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.UPHELD, null, "Giữ nguyên."), committee);
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.CHANGED, "HTTNV", "Sửa."),
                committee), EvaluationRefusal.APPEAL_DECIDED);
        refused(() -> appeals.note(f.cycle, open.id(), "Thêm.", committee), EvaluationRefusal.APPEAL_DECIDED);
        refused(() -> appeals.note(f.cycle, UUID.randomUUID(), "Thêm.", committee),
                EvaluationRefusal.APPEAL_UNKNOWN);
    }

    @Test
    void aDecisionWithoutAReasonOrWithALevelOutsideTheScale() {
        AppealView open = filed();
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.UPHELD, null, " "),
                committee), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.UPHELD, null,
                "x".repeat(2001)), committee), EvaluationRefusal.REASON_TOO_LONG, "2000");
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.CHANGED, "TSVM", "Sửa."),
                committee), EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.CHANGED, "HTNV", "Sửa."),
                committee), EvaluationRefusal.APPEAL_LEVEL_UNCHANGED, "HTNV");
        refused(() -> appeals.note(f.cycle, open.id(), "", committee), EvaluationRefusal.REASON_REQUIRED);
        assertThat(f.decided(f.an.value())).isEqualTo("HTNV/DECISION");
    }

    @Test
    void anOutsiderIsNotCompetent() {
        AppealView open = filed();
        DecideAppeal change = new DecideAppeal(AppealOutcome.CHANGED, "HTTNV", "Sửa.");
        refused(() -> appeals.decide(f.cycle, open.id(), change, f.secretaryOf(f.grassrootsChapter)),
                EvaluationRefusal.NOT_COMPETENT);
        // a chapter under the committee does not decide the committee's list either
        refused(() -> appeals.note(f.cycle, open.id(), "Ý kiến.", f.secretaryOf(f.chapterA)),
                EvaluationRefusal.NOT_COMPETENT);
        refused(() -> appeals.decide(f.cycle, open.id(), change, an), EvaluationRefusal.NOT_ALLOWED);
        refused(() -> appeals.decide(f.cycle, open.id(), change, AppealFixture.REVIEWER),
                EvaluationRefusal.NOT_ALLOWED);
        refused(() -> appeals.find(f.cycle, open.id(), f.secretaryOf(f.grassrootsChapter)),
                EvaluationRefusal.OUT_OF_SCOPE);
        assertThat(appeals.find(f.cycle, open.id(), f.secretaryOf(f.chapterA)).mayReexamine()).isFalse();
    }

    @Test
    void aClosedCycleTakesNoChange() {
        AppealView open = filed();
        cycles.close(f.cycle, AppealFixture.EVALUATOR);
        refused(() -> appeals.file(f.cycle, new FileAppeal(null, "Lý do.", null), f.member(f.binh)),
                EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> appeals.note(f.cycle, open.id(), "Thêm.", committee), EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> appeals.decide(f.cycle, open.id(), new DecideAppeal(AppealOutcome.UPHELD, null, "Giữ."),
                committee), EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> appeals.setWindowDays(f.cycle, 60, AppealFixture.EVALUATOR), EvaluationRefusal.CYCLE_CLOSED);
        assertThat(appeals.find(f.cycle, open.id(), committee).mayReexamine()).isFalse();
        assertThat(appeals.myDecidedRatings(f.member(f.binh)).get(0).appealable()).isFalse();
    }

    @Test
    void aWindowOutOfRangeOrSetByTheWrongPerson() {
        refused(() -> appeals.setWindowDays(f.cycle, 0, AppealFixture.EVALUATOR),
                EvaluationRefusal.APPEAL_WINDOW_OUT_OF_RANGE, 1, 365);
        refused(() -> appeals.setWindowDays(f.cycle, 366, AppealFixture.ADMIN),
                EvaluationRefusal.APPEAL_WINDOW_OUT_OF_RANGE, 1, 365);
        refused(() -> appeals.setWindowDays(f.cycle, 60, committee), EvaluationRefusal.NOT_ALLOWED);
        refused(() -> appeals.setWindowDays(UUID.randomUUID(), 60, AppealFixture.ADMIN),
                EvaluationRefusal.CYCLE_UNKNOWN);
        assertThat(appeals.windowDays(f.cycle, AppealFixture.EVALUATOR)).isEqualTo(30);
    }
}
