package org.cadre.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.JobId;

/**
 * Yearly evaluation cycles and their classification runs. Opening a cycle and running it is for evaluation staff
 * and administrators; secretaries see the cycles whose scope holds their organization. Refusals are
 * {@link org.cadre.platform.Refused} with an {@link EvaluationRefusal}.
 */
public interface Cycles {

    /**
     * Opens a cycle pinned to the pack version that serves the year now.
     *
     * @throws org.cadre.platform.Refused {@code year-out-of-range}, {@code no-pack-for-year}, {@code scope-unknown},
     *                                    {@code scope-not-bloc-or-grassroots}, {@code cycle-exists}, {@code not-allowed}
     */
    CycleView open(OpenCycle command, Caller caller);

    /** The cycles the caller may see, newest year first. */
    List<CycleView> list(Caller caller);

    /** The cycle, if the caller may see it. */
    Optional<CycleView> find(UUID cycle, Caller caller);

    /**
     * Starts a classification run of the cycle as a job; the page follows it through the job table.
     *
     * @throws org.cadre.platform.Refused {@code run-in-progress} when the cycle is being classified,
     *                                    {@code cycle-closed}, {@code not-allowed}
     */
    JobId classify(UUID cycle, Caller caller);

    /**
     * Closes the cycle: its inputs, self-assessments and runs are locked; its results stay readable. Evaluation staff
     * and administrators.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed} when it is closed already, {@code run-in-progress}
     *                                    while a run rates it, {@code cycle-unknown}, {@code not-allowed}
     */
    CycleView close(UUID cycle, Caller caller);

    /**
     * Reopens a closed cycle: administrators only, with a reason (kept in the cycle's history).
     *
     * @throws org.cadre.platform.Refused {@code reopen-reason-required}, {@code reopen-reason-too-long},
     *                                    {@code cycle-not-closed}, {@code cycle-unknown}, {@code not-allowed}
     */
    CycleView reopen(UUID cycle, String reason, Caller caller);

    /** Who closed and reopened the cycle, when and why, oldest first; for those who may see the cycle. */
    List<CycleStatusChange> history(UUID cycle, Caller caller);

    /** The organizations a cycle may be opened for: the bloc committee and the grassroots organizations. */
    List<EvaluatedOrganization> scopes();

    /** The cycle's runs, newest first. */
    List<RunView> runs(UUID cycle, Caller caller);
}
