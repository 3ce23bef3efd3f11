package org.cadre.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.AppealDecided;
import org.cadre.evaluation.AppealFiled;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealStep;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.facts.Proposal;
import org.junit.jupiter.api.Test;

/** The appeal's transitions, their events and steps, and each refusal leaving the object as it was. */
class AppealTests {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> SCALE = List.of("HTXSNV", "HTTNV", "HTNV", "KHTNV");
    // signed at 23:30 on 10/01/2025 in Hà Nội (16:30 UTC): the window's first day is the 10th there
    static final Instant SIGNED = ZonedDateTime.of(2025, 1, 10, 23, 30, 0, 0, HANOI).toInstant();
    final UUID cycle = UUID.randomUUID();
    final UUID member = UUID.randomUUID();
    final UUID decision = UUID.randomUUID();

    Appeal.Frame frame(Instant now, boolean cycleOpen, boolean openExists) {
        return new Appeal.Frame(cycleOpen, new Appeal.Signed(decision, "HTNV", SIGNED), 30, now, HANOI, openExists,
                SCALE);
    }

    Instant day(int month, int dayOfMonth, int hour) {
        return ZonedDateTime.of(2025, month, dayOfMonth, hour, 0, 0, 0, HANOI).toInstant();
    }

    Appeal fresh() {
        return Appeal.start(UUID.randomUUID(), cycle, Proposal.Subject.MEMBER, member);
    }

    @Test
    void filingNotingAndDecidingRaiseTheirEventsAndSteps() {
        Appeal appeal = fresh();
        AppealFiled filed = appeal.file(" Vắng có lý do. ", "HTTNV", "an", frame(day(2, 8, 23), true, false));
        assertThat(filed).isEqualTo(new AppealFiled(cycle, appeal.id(), member, Proposal.Subject.MEMBER, decision,
                "an", day(2, 8, 23)));
        assertThat(appeal.status()).isEqualTo(AppealStatus.OPEN);
        assertThat(appeal.grounds()).isEqualTo("Vắng có lý do.");
        assertThat(appeal.levelBefore()).isEqualTo("HTNV");

        appeal.note("Đã nghe trình bày.", "sec", day(2, 9, 9), true);
        AppealDecided decided = appeal.decide(AppealOutcome.CHANGED, "HTTNV", "Có giấy nghỉ ốm.", "sec",
                day(2, 10, 9), true, SCALE);
        assertThat(decided).isEqualTo(new AppealDecided(cycle, appeal.id(), member, AppealOutcome.CHANGED, "HTNV",
                "HTTNV", "sec", day(2, 10, 9)));
        assertThat(appeal.status()).isEqualTo(AppealStatus.DECIDED);
        assertThat(appeal.addedSteps()).extracting(AppealStep::kind).containsExactly(AppealStep.Kind.FILED,
                AppealStep.Kind.NOTE, AppealStep.Kind.DECIDED);
    }

    @Test
    void theWindowRunsFromTheSigningDayInTheCommitteesZoneBothEndsIncluded() {
        assertThat(Appeal.lastDay(SIGNED, 30, HANOI)).isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(Appeal.lastDay(SIGNED, 1, HANOI)).isEqualTo(LocalDate.of(2025, 1, 10));
        Appeal late = fresh();
        assertThatThrownBy(() -> late.file("Muộn.", null, "an", frame(day(2, 9, 0), true, false)))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.APPEAL_WINDOW_CLOSED);
                    assertThat(e.arguments()).containsExactly("08/02/2025");
                });
        assertThat(late.status()).isNull();
        assertThat(late.addedSteps()).isEmpty();
    }

    @Test
    void refusedFilingsChangeNothing() {
        Appeal appeal = fresh();
        Instant now = day(1, 20, 9);
        assertRefused(() -> appeal.file("Lý do.", null, "an", frame(now, false, false)),
                EvaluationRefusal.CYCLE_CLOSED);
        assertRefused(() -> appeal.file("Lý do.", null, "an", new Appeal.Frame(true, null, 30, now, HANOI, false,
                SCALE)), EvaluationRefusal.NOT_DECIDED_YET);
        assertRefused(() -> appeal.file("Lý do.", null, "an", frame(now, true, true)),
                EvaluationRefusal.APPEAL_EXISTS);
        assertRefused(() -> appeal.file(null, null, "an", frame(now, true, false)),
                EvaluationRefusal.REASON_REQUIRED);
        assertRefused(() -> appeal.file("x".repeat(4001), null, "an", frame(now, true, false)),
                EvaluationRefusal.REASON_TOO_LONG);
        assertRefused(() -> appeal.file("Lý do.", "TSVM", "an", frame(now, true, false)),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        assertThat(appeal.status()).isNull();
        assertThat(appeal.grounds()).isNull();
        assertThat(appeal.addedSteps()).isEmpty();
    }

    @Test
    void refusedDecisionsChangeNothingAndADecidedAppealIsFinal() {
        Appeal appeal = fresh();
        appeal.file("Lý do.", null, "an", frame(day(1, 20, 9), true, false));
        Instant at = day(1, 21, 9);
        assertRefused(() -> appeal.decide(AppealOutcome.UPHELD, null, "Giữ.", "sec", at, false, SCALE),
                EvaluationRefusal.CYCLE_CLOSED);
        assertRefused(() -> appeal.decide(AppealOutcome.UPHELD, null, null, "sec", at, true, SCALE),
                EvaluationRefusal.REASON_REQUIRED);
        assertRefused(() -> appeal.decide(AppealOutcome.CHANGED, null, "Sửa.", "sec", at, true, SCALE),
                EvaluationRefusal.APPEAL_LEVEL_UNCHANGED);
        assertRefused(() -> appeal.decide(AppealOutcome.CHANGED, "HTNV", "Sửa.", "sec", at, true, SCALE),
                EvaluationRefusal.APPEAL_LEVEL_UNCHANGED);
        assertRefused(() -> appeal.decide(AppealOutcome.CHANGED, "ABC", "Sửa.", "sec", at, true, SCALE),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        assertRefused(() -> appeal.note(" ", "sec", at, true), EvaluationRefusal.REASON_REQUIRED);
        assertThat(appeal.status()).isEqualTo(AppealStatus.OPEN);
        assertThat(appeal.outcome()).isNull();
        assertThat(appeal.addedSteps()).hasSize(1);

        AppealDecided upheld = appeal.decide(AppealOutcome.UPHELD, "HTXSNV", "Giữ nguyên.", "sec", at, true, SCALE);
        // upheld keeps the level whatever level was sent along
        assertThat(upheld.levelAfter()).isEqualTo("HTNV");
        assertRefused(() -> appeal.decide(AppealOutcome.CHANGED, "HTTNV", "Sửa.", "sec", at, true, SCALE),
                EvaluationRefusal.APPEAL_DECIDED);
        assertRefused(() -> appeal.note("Thêm.", "sec", at, true), EvaluationRefusal.APPEAL_DECIDED);
        assertRefused(() -> appeal.file("Lại.", null, "an", frame(at, true, false)), EvaluationRefusal.APPEAL_EXISTS);
        assertThat(appeal.outcome()).isEqualTo(AppealOutcome.UPHELD);
        assertThat(appeal.addedSteps()).hasSize(2);
    }

    @Test
    void theWindowHasItsBounds() {
        Appeal.checkWindowDays(1);
        Appeal.checkWindowDays(365);
        assertRefused(() -> Appeal.checkWindowDays(0), EvaluationRefusal.APPEAL_WINDOW_OUT_OF_RANGE);
        assertRefused(() -> Appeal.checkWindowDays(366), EvaluationRefusal.APPEAL_WINDOW_OUT_OF_RANGE);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, EvaluationRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
