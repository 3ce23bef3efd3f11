package org.cadre.evaluation.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cadre.evaluation.DecisionSigned;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.domain.Decision;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;

/** The list of the competent level on its own: departures need reasons, a rerun keeps them, signing locks. */
class DecisionTests {

    static final List<String> SCALE = List.of("HTXSNV", "HTTNV", "HTNV", "KHTNV");
    static final Instant AT = Instant.parse("2026-01-15T03:00:00Z");

    final UUID an = UUID.randomUUID();
    final UUID binh = UUID.randomUUID();
    final UUID cuong = UUID.randomUUID();

    Decision draft() {
        Map<UUID, String> proposals = new LinkedHashMap<>();
        proposals.put(an, "HTTNV");
        proposals.put(binh, "HTNV");
        return Decision.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "MEMBER", UUID.randomUUID(),
                UUID.randomUUID(), proposals);
    }

    @Test
    void aDraftTakesTheProposalsAndADepartureNeedsItsReason() {
        Decision d = draft();
        assertThat(d.items()).allSatisfy(i -> assertThat(i.departs()).isFalse());

        d.decide(an, "HTTNV", "no departure, no reason kept", SCALE, true);
        assertThat(d.items().get(0).reason()).isNull();
        d.decide(binh, "HTTNV", "  Hoàn thành tốt nhiệm vụ được giao thêm.  ", SCALE, true);
        assertThat(d.items().get(1)).isEqualTo(new Decision.Item(binh, "HTNV", "HTTNV",
                "Hoàn thành tốt nhiệm vụ được giao thêm."));
        assertThat(d.departures()).isEqualTo(1);
        d.decide(binh, " ", null, SCALE, true);
        assertThat(d.items().get(1)).isEqualTo(new Decision.Item(binh, "HTNV", "HTNV", null));
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        Decision d = draft();
        List<Decision.Item> before = d.items();
        refused(() -> d.decide(an, "HTXSNV", null, SCALE, true), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> d.decide(an, "HTXSNV", "   ", SCALE, true), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> d.decide(an, "HTXSNV", "x".repeat(2001), SCALE, true), EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> d.decide(an, "TSVM", "a reason", SCALE, true), EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        refused(() -> d.decide(cuong, "HTNV", null, SCALE, true), EvaluationRefusal.RATING_UNKNOWN);
        refused(() -> d.decide(an, "HTNV", "a reason", SCALE, false), EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> d.sign("1-QĐ/ĐU", "sec", AT, true, 2), EvaluationRefusal.CALIBRATION_PENDING);
        refused(() -> d.sign("  ", "sec", AT, true, 0), EvaluationRefusal.DECISION_NUMBER_INVALID);
        refused(() -> d.sign("1-QĐ/ĐU", "sec", AT, false, 0), EvaluationRefusal.CYCLE_CLOSED);
        assertThat(d.items()).isEqualTo(before);
        assertThat(d.status()).isEqualTo(DecisionStatus.DRAFT);
    }

    @Test
    void signingLocksTheListAndRaisesOneEventWithTheLevelsAndDepartures() {
        Decision d = draft();
        d.decide(an, "HTXSNV", "Thành tích đột xuất.", SCALE, true);
        DecisionSigned signed = d.sign(" 15-QĐ/ĐU ", "sec", AT, true, 0);
        assertThat(signed.levels()).containsExactly(Map.entry(an, "HTXSNV"), Map.entry(binh, "HTNV"));
        assertThat(signed.departures()).isEqualTo(1);
        assertThat(signed.by()).isEqualTo("sec");
        assertThat(signed.at()).isEqualTo(AT);
        assertThat(d.number()).isEqualTo("15-QĐ/ĐU");
        assertThat(d.status()).isEqualTo(DecisionStatus.SIGNED);

        refused(() -> d.decide(binh, "HTNV", null, SCALE, true), EvaluationRefusal.DECISION_SIGNED);
        refused(() -> d.sign("16-QĐ/ĐU", "sec", AT, true, 0), EvaluationRefusal.DECISION_SIGNED);
        refused(() -> d.assignCompetent(UUID.randomUUID(), true), EvaluationRefusal.DECISION_SIGNED);
        assertThat(d.refresh(UUID.randomUUID(), Map.of(an, "HTNV"))).isFalse();
        assertThat(d.items()).hasSize(2);
    }

    @Test
    void aRerunRefreshesTheProposalsKeepingTheLevelsDecidedWithAReason() {
        Decision d = draft();
        d.decide(an, "HTXSNV", "Thành tích đột xuất.", SCALE, true);
        Map<UUID, String> rerun = new LinkedHashMap<>();
        rerun.put(an, "HTNV");
        rerun.put(cuong, "HTTNV");
        UUID run = UUID.randomUUID();
        assertThat(d.refresh(run, rerun)).isTrue();
        assertThat(d.run()).isEqualTo(run);
        assertThat(d.items()).containsExactly(new Decision.Item(an, "HTNV", "HTXSNV", "Thành tích đột xuất."),
                new Decision.Item(cuong, "HTTNV", "HTTNV", null));
        assertThat(d.refresh(run, rerun)).isFalse();
    }

    private static void refused(ThrowingCallable call,
            EvaluationRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
