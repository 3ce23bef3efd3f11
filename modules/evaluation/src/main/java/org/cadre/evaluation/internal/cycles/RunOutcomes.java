package org.cadre.evaluation.internal.cycles;

import java.time.Clock;
import java.util.UUID;
import org.cadre.evaluation.domain.Cycle;
import org.cadre.platform.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How a run ends: the cycle's transition, stored and published. */
@Service
public class RunOutcomes {

    /** The job kind of a classification run. */
    public static final String CLASSIFY_JOB = "evaluation.classify";

    /** The problem of a run whose instance stopped before it finished. */
    public static final String INTERRUPTED = "interrupted";

    private final CycleStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunOutcomes(CycleStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** In the run's transaction: the run's ratings become the cycle's results, all at once with them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(CycleStore.StoredCycle stored, UUID run, int members, int organizations, int calibrations,
            String digest) {
        Cycle.Finished finished = stored.cycle().finish(run, members, organizations, calibrations, digest);
        if (!store.succeeded(run, clock.instant(), members, organizations, digest)) {
            // settled as interrupted while it ran (its instance stopped beating, then woke up): a newer run may be
            // the results by now, so this one rolls back instead of taking their place
            throw new IllegalStateException("Run " + run + " was settled as failed before it could finish");
        }
        store.current(stored.cycle().id(), run);
        store.prune(stored.cycle().id(), run);
        events.publishEvent(finished.event());
    }

    /** A run whose instance stopped (its job failed or vanished): failed as interrupted, announced once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void interrupted(Cycle cycle, UUID run) {
        if (store.failed(run, clock.instant(), INTERRUPTED)) {
            events.publishEvent(cycle.fail(run, INTERRUPTED));
        }
    }

    /** In a transaction of its own, after the run's rolled back: marked failed, with why. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID cycle, UUID run, RuntimeException cause) {
        String problem = cause instanceof Refused refused ? refused.reason().code()
                : cause.getClass().getSimpleName();
        if (store.failed(run, clock.instant(), problem)) {
            // once: a run settled as interrupted meanwhile was announced then
            store.find(cycle).ifPresent(c -> events.publishEvent(c.cycle().fail(run, problem)));
        }
    }
}
