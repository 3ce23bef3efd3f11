package org.cadre.evaluation.internal.cycles;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleStatusChange;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.evaluation.Evaluation;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.domain.Cycle;
import org.cadre.evaluation.internal.OrganizationTree;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cycles, starts their runs and closes them. Evaluation staff and administrators do these; only an
 * administrator reopens a closed cycle, with a reason; a secretary sees the cycles whose
 * scope holds their organization (or lies in their subtree); members and reviewers see none here.
 */
@Service
class CycleService implements Cycles {

    private final CycleStore store;
    private final Evaluation evaluation;
    private final RatingRules rules;
    private final OrganizationAccess access;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final RunOutcomes outcomes;
    private final ClusterLocks locks;
    private final Clock clock;
    private final OrganizationTree tree;

    CycleService(CycleStore store, Evaluation evaluation, RatingRules rules, OrganizationAccess access, Jobs jobs,
            ApplicationEventPublisher events, JdbcClient jdbc, RunOutcomes outcomes, ClusterLocks locks, Clock clock,
            OrganizationTree tree) {
        this.store = store;
        this.evaluation = evaluation;
        this.rules = rules;
        this.access = access;
        this.jobs = jobs;
        this.events = events;
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.locks = locks;
        this.clock = clock;
        this.tree = tree;
    }

    @Override
    @Transactional
    public CycleView open(OpenCycle command, Caller caller) {
        requireStaff(caller);
        EvaluatedOrganization scope = evaluation.organization(new OrganizationId(command.scope()))
                .orElseThrow(() -> new Refused(EvaluationRefusal.SCOPE_UNKNOWN));
        int year = command.year();
        // before the pack is looked for: year 9999 is out of range, not a year without a pack
        Cycle.checkYear(year, clock.instant(), clock.getZone());
        PackVersion pack = rules.activeFor(year, Proposal.Subject.MEMBER)
                .orElseThrow(() -> new Refused(EvaluationRefusal.NO_PACK_FOR_YEAR, year));
        Cycle cycle = Cycle.open(UUID.randomUUID(), year, scope.id().value(), scope.kind(), scope.name(),
                pack.packId(), pack.version(), clock.instant(), clock.getZone());
        store.insert(cycle, clock.instant(), caller.username());
        events.publishEvent(cycle.opened(caller.username()));
        return view(store.find(cycle.id()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CycleView> list(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY)) {
            return List.of();
        }
        return store.all().stream().filter(c -> maySee(caller, c.cycle())).map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CycleView> find(UUID cycle, Caller caller) {
        return store.find(cycle).filter(c -> maySee(caller, c.cycle())).map(this::view);
    }

    @Override
    @Transactional
    public JobId classify(UUID cycleId, Caller caller) {
        requireStaff(caller);
        lockForChange(cycleId);
        CycleStore.StoredCycle stored = store.find(cycleId)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        stored.cycle().checkRunMayStart();
        settleInterrupted(stored.cycle());
        store.running(cycleId).ifPresent(running -> {
            throw new Refused(EvaluationRefusal.RUN_IN_PROGRESS, java.time.format.DateTimeFormatter
                    .ofPattern("dd/MM/yyyy HH:mm").format(running.startedAt().atZone(clock.getZone())));
        });
        UUID run = UUID.randomUUID();
        store.insertRun(run, cycleId, stored.cycle().packId(), stored.cycle().packVersion(), caller.username(),
                clock.instant());
        JobId job = jobs.submit(RunOutcomes.CLASSIFY_JOB, caller, new byte[0], Map.of("cycle", cycleId.toString(),
                "run", run.toString()));
        store.job(run, job.value());
        return job;
    }

    @Override
    @Transactional
    public CycleView close(UUID cycleId, Caller caller) {
        requireStaff(caller);
        lockForChange(cycleId);
        CycleStore.StoredCycle stored = store.find(cycleId)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        settleInterrupted(stored.cycle());
        // checked before the row is written: a run waiting on the cycle's row must not make the closing wait too
        Cycle.Closed closed = stored.cycle().close(caller.username(), clock.instant(),
                store.running(cycleId).map(RunView::startedAt).orElse(null), clock.getZone());
        if (!store.status(cycleId, CycleStatus.OPEN, CycleStatus.CLOSED, caller.username(), clock.instant(), null)) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        events.publishEvent(closed.event());
        return view(store.find(cycleId).orElseThrow());
    }

    @Override
    @Transactional
    public CycleView reopen(UUID cycleId, String reason, Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        CycleStore.StoredCycle stored = store.find(cycleId)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        Cycle.Reopened reopened = stored.cycle().reopen(caller.username(), reason, clock.instant());
        if (!store.status(cycleId, CycleStatus.CLOSED, CycleStatus.OPEN, caller.username(), clock.instant(),
                reopened.event().reason())) {
            throw new Refused(EvaluationRefusal.CYCLE_NOT_CLOSED);
        }
        events.publishEvent(reopened.event());
        return view(store.find(cycleId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CycleStatusChange> history(UUID cycle, Caller caller) {
        find(cycle, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        return store.statusChanges(cycle);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvaluatedOrganization> scopes() {
        return jdbc.sql("""
                SELECT organization_id, parent_id, code, name, kind FROM evaluation.organization_projection
                WHERE kind IN ('BLOC_COMMITTEE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CHAPTER') AND dissolved_on IS NULL
                ORDER BY CASE WHEN kind = 'BLOC_COMMITTEE' THEN 0 ELSE 1 END, code
                """).query((rs, row) -> new EvaluatedOrganization(new OrganizationId(rs.getObject(1, UUID.class)),
                        rs.getObject(2) == null ? null : new OrganizationId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4),
                        org.cadre.organizations.OrganizationKind.valueOf(rs.getString(5)))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RunView> runs(UUID cycle, Caller caller) {
        find(cycle, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        return store.runs(cycle).stream().map(this::asSeen).toList();
    }

    /**
     * A run still marked running whose job has ended (its instance was killed, or it failed before it could say so)
     * is marked failed, so the cycle can be run again; a run whose job still runs makes the new run wait.
     */
    private void settleInterrupted(Cycle cycle) {
        store.running(cycle.id()).filter(this::jobEnded).ifPresent(running -> outcomes.interrupted(cycle,
                running.id()));
    }

    /** Whether a run's job has ended (failed, or its instance stopped and the job was failed for it). */
    private boolean jobEnded(RunView run) {
        return run.job() != null && jobs.find(new JobId(run.job())).map(org.cadre.platform.Job::finished).orElse(true);
    }

    private boolean maySee(Caller caller, Cycle cycle) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return true;
        }
        Optional<UUID> root = caller.organizationScope();
        if (root.isEmpty()) {
            return false;
        }
        return access.maySee(caller, new OrganizationId(cycle.scope())) || tree.within(root.get(), cycle.scope());
    }

    /**
     * A run still marked running whose job has ended shows as failed (interrupted) at once; it is settled so in the
     * database when the next run is asked for.
     */
    private RunView asSeen(RunView run) {
        if (run.state() != org.cadre.evaluation.RunState.RUNNING || !jobEnded(run)) {
            return run;
        }
        return new RunView(run.id(), run.cycle(), run.job(), org.cadre.evaluation.RunState.FAILED, run.packId(),
                run.packVersion(), run.requestedBy(), run.startedAt(), run.finishedAt(), run.members(),
                run.organizations(), run.calibrations(), run.digest(), RunOutcomes.INTERRUPTED);
    }

    /**
     * The cycle's lock for starting runs and changing its status, until the transaction ends: a run starting and a
     * closing cannot pass each other. A lock of its own, not the cycle's row: a finishing run holds the row to
     * become current, and neither a start nor a closing should wait for that.
     */
    private void lockForChange(UUID cycle) {
        locks.lockUntilTransactionEnds("evaluation.cycle." + cycle);
    }

    private static void requireStaff(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
    }

    private CycleView view(CycleStore.StoredCycle stored) {
        Cycle cycle = stored.cycle();
        String scopeName = evaluation.organization(new OrganizationId(cycle.scope()))
                .map(EvaluatedOrganization::name).orElse("");
        List<RunView> runs = store.runs(cycle.id()).stream().map(this::asSeen).toList();
        Optional<RunView> current = cycle.currentRun() == null ? Optional.empty()
                : runs.stream().filter(r -> r.id().equals(cycle.currentRun())).findFirst();
        return new CycleView(cycle.id(), cycle.year(), cycle.scope(), scopeName, cycle.packId(), cycle.packVersion(),
                cycle.status(), stored.openedAt(), stored.openedBy(), current, runs.stream().findFirst());
    }
}
