package org.cadre.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;

/**
 * Quota cases of a cycle's current run and the committee's decisions on them. Nobody is demoted by the engine: the
 * committee's staff (evaluation staff, administrators) record who keeps the level, the rest move down one level,
 * and the level's count in the group is checked again. Only the current run's cases are decided; the decisions on an
 * earlier run stay as its history. The levels after calibration are the view {@code evaluation.calibrated_rating}.
 */
public interface Calibrations {

    /**
     * The cases of the cycle's current run (empty before a run), largest excess first.
     *
     * @throws org.cadre.platform.Refused {@code cycle-unknown}, {@code not-allowed} for other roles
     */
    List<CalibrationView> list(UUID cycle, Caller caller);

    /**
     * One case of the cycle's current run with its candidates or its decision.
     *
     * @throws org.cadre.platform.Refused {@code calibration-unknown} also for a case of an earlier run
     */
    CalibrationCaseView find(UUID cycle, UUID caseId, Caller caller);

    /**
     * Records the committee's choice: the keepers keep the level, the other candidates move down one level. Nothing
     * is written on a refusal.
     *
     * @throws org.cadre.platform.Refused {@code calibration-unknown}, {@code calibration-decided},
     *                                    {@code calibration-pending} (the level above is open in the group),
     *                                    {@code calibration-over-cap} (more keepers than allowed, or the level
     *                                    still over its quota after the moves), {@code calibration-not-candidate},
     *                                    {@code calibration-duplicate-keeper}, {@code reason-required},
     *                                    {@code reason-too-long}, {@code votes-invalid}, {@code cycle-closed}
     */
    CalibrationCaseView decide(UUID cycle, UUID caseId, CalibrationChoice choice, Caller caller);

    /** How many cases of the cycle's current run are not decided yet for a group (a grassroots organization). */
    default int pendingCases(UUID cycle, UUID group) {
        return pendingCases(cycle, group, List.of());
    }

    /**
     * How many cases of the cycle's current run are not decided yet that concern a group or any of the subjects (a
     * list of the competent level: a case counted per parent names the list's organizations among its candidates).
     */
    int pendingCases(UUID cycle, UUID group, Collection<UUID> subjects);

    /** How many cases of the cycle's current run are not decided yet, in every group. */
    int pendingCases(UUID cycle);
}
