package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_DECIDED;
import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_DUPLICATE_KEEPER;
import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_NOT_CANDIDATE;
import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_OVER_CAP;
import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_PENDING;
import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.VOTES_INVALID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.CalibrationDecided;
import org.cadre.platform.Refused;

/**
 * A quota case of a run and the committee's decision on it. The engine never demotes anybody: where a group holds
 * more subjects at a level than its quota allows, the competent level chooses who keeps it ("Cấp có thẩm quyền xem
 * xét, quyết định số lượng"), with a reason and, when it voted, the votes; every other candidate moves down one level.
 * Then the cap is checked again on the levels as they would stand after the moves, and a choice that leaves a level
 * of the group over its quota is refused. One decision per case; a refused decision leaves the case as it was.
 *
 * <p>The candidates are who holds the level in the group now, not only the engine's list: a decision of the level
 * above moves its non-keepers into this level, and the lower case is decided on the counts after those moves (so it
 * waits while the case above is open).
 */
public final class Calibration {

    /** The longest reason kept, as the column holds it. */
    public static final int MAX_REASON = 2000;
    /** The most votes of each kind a committee can cast. */
    public static final int MAX_VOTES = 10_000;

    private final UUID cycle;
    private final UUID run;
    private final UUID caseId;
    private final String group;
    private final String level;
    private final String demoteTo;
    private final int allowed;
    private final List<UUID> candidates;
    private final boolean cycleOpen;
    private final int openAbove;
    private Decision decision;

    /**
     * @param candidates who holds the level in the group now (for a decided case: those the decision concerned)
     * @param openAbove  how many cases of the level above in the same group are still open
     * @param decision   the decision taken, or null
     */
    public Calibration(UUID cycle, UUID run, UUID caseId, String group, String level, String demoteTo, int allowed,
            List<UUID> candidates, boolean cycleOpen, int openAbove, Decision decision) {
        this.cycle = cycle;
        this.run = run;
        this.caseId = caseId;
        this.group = group;
        this.level = level;
        this.demoteTo = demoteTo;
        this.allowed = allowed;
        this.candidates = List.copyOf(candidates);
        this.cycleOpen = cycleOpen;
        this.openAbove = openAbove;
        this.decision = decision;
    }

    /** The committee's votes; all three or none (then the record is absent). */
    public record Votes(int votesFor, int votesAgainst, int votesAbstain) {

        /** The votes as given: none, or all three within 0..{@value #MAX_VOTES}. */
        static Votes of(Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
            if (votesFor == null && votesAgainst == null && votesAbstain == null) {
                return null;
            }
            if (votesFor == null || votesAgainst == null || votesAbstain == null || !inRange(votesFor)
                    || !inRange(votesAgainst) || !inRange(votesAbstain)) {
                throw new Refused(VOTES_INVALID);
            }
            return new Votes(votesFor, votesAgainst, votesAbstain);
        }

        private static boolean inRange(int votes) {
            return votes >= 0 && votes <= MAX_VOTES;
        }
    }

    /** A decision: who kept the level, who moved down to {@code demoteTo}, why, the votes (or null), who and when. */
    public record Decision(List<UUID> keepers, List<UUID> movedDown, String reason, Votes votes, String by,
            Instant at) {

        public Decision {
            keepers = List.copyOf(keepers);
            movedDown = List.copyOf(movedDown);
        }
    }

    /** How many of the group would hold a level after the given moves, against what its quota allows. */
    public record Count(String level, int holding, int allowed) {
    }

    /**
     * Counts the levels of the group a decision touches as they would stand after its moves (subject to the level
     * it moves to), from the stored ratings and the decisions already taken: the case's own level and, where a case
     * of it was decided already, the level the moves go to.
     */
    @FunctionalInterface
    public interface Recount {
        List<Count> after(Map<UUID, String> moves);
    }

    /**
     * Decides the case: the keepers keep the level, every other candidate moves down to {@code demoteTo}.
     *
     * @throws Refused {@code cycle-closed}, {@code calibration-decided}, {@code calibration-pending},
     *                 {@code reason-required}, {@code reason-too-long}, {@code votes-invalid},
     *                 {@code calibration-not-candidate}, {@code calibration-duplicate-keeper},
     *                 {@code calibration-over-cap}
     */
    public CalibrationDecided decide(List<UUID> keepers, String reason, Integer votesFor, Integer votesAgainst,
            Integer votesAbstain, String by, Instant at, Recount recount) {
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (decision != null) {
            throw new Refused(CALIBRATION_DECIDED);
        }
        if (openAbove > 0) {
            throw new Refused(CALIBRATION_PENDING, openAbove);
        }
        String why = TextFields.requiredReason(reason, MAX_REASON);
        Votes votes = Votes.of(votesFor, votesAgainst, votesAbstain);
        Set<UUID> kept = new LinkedHashSet<>();
        for (UUID keeper : keepers) {
            if (keeper == null || !candidates.contains(keeper)) {
                throw new Refused(CALIBRATION_NOT_CANDIDATE, String.valueOf(keeper));
            }
            if (!kept.add(keeper)) {
                throw new Refused(CALIBRATION_DUPLICATE_KEEPER, String.valueOf(keeper));
            }
        }
        if (kept.size() > allowed) {
            throw new Refused(CALIBRATION_OVER_CAP, kept.size(), allowed, level);
        }
        List<UUID> moved = new ArrayList<>();
        Map<UUID, String> moves = new LinkedHashMap<>();
        for (UUID candidate : candidates) {
            if (!kept.contains(candidate)) {
                moved.add(candidate);
                moves.put(candidate, demoteTo);
            }
        }
        if (!moved.isEmpty() && demoteTo == null) {
            // the lowest level has nowhere to move to: only a choice that keeps everyone fits, and it exceeds the cap
            throw new Refused(CALIBRATION_OVER_CAP, candidates.size(), allowed, level);
        }
        // the cap checked again, on the group as it would stand: the level itself, and a level below already decided
        for (Count count : recount.after(Map.copyOf(moves))) {
            if (count.holding() > count.allowed()) {
                throw new Refused(CALIBRATION_OVER_CAP, count.holding(), count.allowed(), count.level());
            }
        }
        decision = new Decision(List.copyOf(kept), moved, why, votes, by, at);
        return new CalibrationDecided(cycle, run, caseId, group, level, demoteTo, decision.keepers(), moved, by, at);
    }

    public UUID cycle() {
        return cycle;
    }

    public UUID run() {
        return run;
    }

    public UUID caseId() {
        return caseId;
    }

    public String group() {
        return group;
    }

    public String level() {
        return level;
    }

    public String demoteTo() {
        return demoteTo;
    }

    public int allowed() {
        return allowed;
    }

    public List<UUID> candidates() {
        return candidates;
    }

    public Decision decision() {
        return decision;
    }
}
