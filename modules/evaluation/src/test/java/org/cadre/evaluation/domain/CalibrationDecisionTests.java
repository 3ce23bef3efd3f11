package org.cadre.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.CalibrationDecided;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;

/** The decision on a quota case, without a database: every check, and a refused decision changes nothing. */
class CalibrationDecisionTests {

    static final Instant AT = Instant.parse("2026-12-02T03:00:00Z");
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();

    Calibration open(int openAbove) {
        return new Calibration(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "g1", "HTXSNV", "HTTNV", 1,
                List.of(a, b, c), true, openAbove, null);
    }

    static final Calibration.Recount WITHIN = moves -> List.of(new Calibration.Count("HTXSNV", 3 - moves.size(), 1));

    @Test
    void theKeepersKeepTheLevelAndTheOthersMoveDownOneLevel() {
        Calibration k = open(0);
        CalibrationDecided decided = k.decide(List.of(b), " Vì sao ", 4, 1, 0, "eva", AT, WITHIN);
        assertThat(decided.keepers()).containsExactly(b);
        assertThat(decided.movedDown()).containsExactly(a, c);
        assertThat(decided.demoteTo()).isEqualTo("HTTNV");
        assertThat(k.decision().reason()).isEqualTo("Vì sao");
        assertThat(k.decision().votes()).isEqualTo(new Calibration.Votes(4, 1, 0));
        assertThat(open(0).decide(List.of(), "Không ai", null, null, null, "eva", AT, WITHIN).movedDown())
                .containsExactly(a, b, c);
    }

    @Test
    void eachBadChoiceIsRefusedAndTheCaseStaysUndecided() {
        refused(open(0), List.of(a, b), "r", null, null, null, WITHIN, EvaluationRefusal.CALIBRATION_OVER_CAP);
        refused(open(0), List.of(UUID.randomUUID()), "r", null, null, null, WITHIN,
                EvaluationRefusal.CALIBRATION_NOT_CANDIDATE);
        refused(open(0), Arrays.asList(a, null), "r", null, null, null, WITHIN,
                EvaluationRefusal.CALIBRATION_NOT_CANDIDATE);
        refused(open(0), List.of(a, a), "r", null, null, null, WITHIN,
                EvaluationRefusal.CALIBRATION_DUPLICATE_KEEPER);
        refused(open(0), List.of(a), " ", null, null, null, WITHIN, EvaluationRefusal.REASON_REQUIRED);
        refused(open(0), List.of(a), null, null, null, null, WITHIN, EvaluationRefusal.REASON_REQUIRED);
        refused(open(0), List.of(a), "x".repeat(2001), null, null, null, WITHIN, EvaluationRefusal.REASON_TOO_LONG);
        refused(open(0), List.of(a), "r", 1, null, 0, WITHIN, EvaluationRefusal.VOTES_INVALID);
        refused(open(0), List.of(a), "r", 1, 10_001, 0, WITHIN, EvaluationRefusal.VOTES_INVALID);
        refused(open(0), List.of(a), "r", 1, 0, -1, WITHIN, EvaluationRefusal.VOTES_INVALID);
        refused(open(1), List.of(a), "r", null, null, null, WITHIN, EvaluationRefusal.CALIBRATION_PENDING);
        refused(new Calibration(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "g1", "HTXSNV", "HTTNV", 1,
                List.of(a, b), false, 0, null), List.of(a), "r", null, null, null, WITHIN,
                EvaluationRefusal.CYCLE_CLOSED);
        // the level below is full after the moves: the cap checked again refuses
        refused(open(0), List.of(a), "r", null, null, null, moves -> List.of(new Calibration.Count("HTXSNV", 1, 1),
                new Calibration.Count("HTTNV", 5, 4)), EvaluationRefusal.CALIBRATION_OVER_CAP);

        Calibration decided = open(0);
        decided.decide(List.of(a), "r", null, null, null, "eva", AT, WITHIN);
        assertThatThrownBy(() -> decided.decide(List.of(b), "r", null, null, null, "eva", AT, WITHIN))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.CALIBRATION_DECIDED));
        assertThat(decided.decision().keepers()).containsExactly(a);
    }

    @Test
    void theRecountSeesTheMovesOfTheChoice() {
        List<Map<UUID, String>> seen = new ArrayList<>();
        open(0).decide(List.of(c), "r", null, null, null, "eva", AT, moves -> {
            seen.add(moves);
            return List.of();
        });
        assertThat(seen).singleElement().satisfies(m -> assertThat(m).containsOnlyKeys(a, b)
                .containsValues("HTTNV"));
    }

    static void refused(Calibration k, List<UUID> keepers, String reason, Integer votesFor, Integer votesAgainst,
            Integer votesAbstain, Calibration.Recount recount, EvaluationRefusal expected) {
        assertThatThrownBy(() -> k.decide(keepers, reason, votesFor, votesAgainst, votesAbstain, "eva", AT, recount))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(expected));
        assertThat(k.decision()).isNull();
    }
}
