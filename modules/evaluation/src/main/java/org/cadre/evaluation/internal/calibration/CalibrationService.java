package org.cadre.evaluation.internal.calibration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.evaluation.CalibrationCaseView;
import org.cadre.evaluation.CalibrationChoice;
import org.cadre.evaluation.CalibrationDecided;
import org.cadre.evaluation.CalibrationStatus;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.domain.Calibration;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's decisions on quota cases: load the case of the cycle's current run locked (with the cycle's lock
 * and row, so a closing or a new run cannot pass a decision being written), let {@link Calibration} check and decide
 * it, write the decision and publish what it raised. Evaluation staff and administrators record them: they are the
 * committee's staff, and the committee's choice is theirs to enter.
 */
@Service
@Transactional
class CalibrationService implements Calibrations {

    private final CalibrationStore store;
    private final RulePackRegistry packs;
    private final ClusterLocks locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // a stored pack version never changes (an edit makes a new version), so its scales are read once
    private final Map<String, Map<String, List<Level>>> scales = new ConcurrentHashMap<>();

    CalibrationService(CalibrationStore store, RulePackRegistry packs, ClusterLocks locks,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.packs = packs;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CalibrationView> list(UUID cycle, Caller caller) {
        requireStaff(caller);
        CalibrationStore.CycleRow found = store.cycle(cycle, false);
        if (found.currentRun() == null) {
            return List.of();
        }
        List<CalibrationView> out = new ArrayList<>();
        for (CalibrationStore.CaseRow k : store.list(found.currentRun())) {
            List<String> names = store.candidates(found.id(), k.run(), k.subjects(), List.of(), List.of(), List.of())
                    .stream().map(CalibrationCaseView.Candidate::name).toList();
            Level level = scale(found, k.subject()).stream().filter(l -> l.code().equals(k.level())).findFirst()
                    .orElse(null);
            out.add(new CalibrationView(k.caseId(), k.quotaId(), k.group(), k.groupName(), k.level(),
                    level == null ? null : level.label("vi"), k.demoteTo(), k.baseCount(), k.allowed(),
                    k.proposed(), k.excess(), k.holding(), names, k.article(), status(k)));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public CalibrationCaseView find(UUID cycle, UUID caseId, Caller caller) {
        requireStaff(caller);
        CalibrationStore.CycleRow found = store.cycle(cycle, false);
        return view(found, requireCase(found, caseId, false));
    }

    @Override
    public CalibrationCaseView decide(UUID cycle, UUID caseId, CalibrationChoice choice, Caller caller) {
        requireStaff(caller);
        // the lock a run's start and a closing take, then the cycle's row: none of them passes a decision
        locks.lockUntilTransactionEnds("evaluation.cycle." + cycle);
        CalibrationStore.CycleRow found = store.cycle(cycle, true);
        CalibrationStore.CaseRow row = requireCase(found, caseId, true);
        Calibration calibration = new Calibration(found.id(), row.run(), row.caseId(), row.group(), row.level(),
                row.demoteTo(), row.allowed(), store.holders(row.caseId()), found.open(), row.openAbove(),
                store.decision(row.caseId()).orElse(null));
        CalibrationDecided decided = calibration.decide(choice.keepers(), choice.reason(), choice.votesFor(),
                choice.votesAgainst(), choice.votesAbstain(), caller.username(), clock.instant(),
                moves -> recount(row, moves));
        store.insert(calibration);
        events.publishEvent(decided);
        return view(found, store.find(row.run(), row.caseId(), false).orElseThrow());
    }

    /**
     * The group's levels as they would stand after the moves, from the stored ratings and decisions: the case's own
     * level (those who hold it now, less those moving), and the level they move to where a case of it in the group
     * was decided already (its holders, and those arriving).
     */
    private List<Calibration.Count> recount(CalibrationStore.CaseRow row, Map<UUID, String> moves) {
        List<Calibration.Count> counts = new ArrayList<>();
        Set<UUID> staying = new HashSet<>(store.holders(row.caseId()));
        staying.removeAll(moves.keySet());
        counts.add(new Calibration.Count(row.level(), staying.size(), row.allowed()));
        if (row.demoteTo() != null) {
            store.decidedAt(row.run(), row.group(), row.demoteTo(), row.subject()).ifPresent(below -> {
                Set<UUID> there = new HashSet<>(store.holders(below.caseId()));
                there.addAll(moves.keySet());
                counts.add(new Calibration.Count(below.level(), there.size(), below.allowed()));
            });
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public int pendingCases(UUID cycle, UUID group, Collection<UUID> subjects) {
        return store.pending(cycle, group == null ? null : group.toString(), subjects);
    }

    @Override
    @Transactional(readOnly = true)
    public int pendingCases(UUID cycle) {
        return store.pending(cycle, null, List.of());
    }

    private CalibrationCaseView view(CalibrationStore.CycleRow cycle, CalibrationStore.CaseRow k) {
        Calibration.Decision decision = store.decision(k.caseId()).orElse(null);
        List<UUID> kept = decision == null ? List.of() : decision.keepers();
        List<UUID> moved = decision == null ? List.of() : decision.movedDown();
        Set<UUID> concerned = new LinkedHashSet<>();
        if (decision == null) {
            concerned.addAll(store.holders(k.caseId()));
        } else {
            concerned.addAll(kept);
            concerned.addAll(moved);
        }
        List<UUID> fromAbove = concerned.stream().filter(id -> !k.subjects().contains(id)).toList();
        List<CalibrationCaseView.Candidate> candidates = store.candidates(cycle.id(), k.run(),
                List.copyOf(concerned), kept, moved, fromAbove);
        CalibrationCaseView.Decision shown = decision == null ? null : new CalibrationCaseView.Decision(kept, moved,
                decision.reason(), decision.votes() == null ? null : decision.votes().votesFor(),
                decision.votes() == null ? null : decision.votes().votesAgainst(),
                decision.votes() == null ? null : decision.votes().votesAbstain(), decision.by(), decision.at());
        return new CalibrationCaseView(k.caseId(), cycle.id(), cycle.year(), k.run(), k.quotaId(), k.group(),
                k.groupName(), k.subject() == null ? null : Proposal.Subject.valueOf(k.subject()), k.level(),
                k.demoteTo(), k.baseCount(), k.allowed(), k.proposed(), k.excess(), k.holding(), k.article(),
                status(k), cycle.open(), candidates, shown, scale(cycle, k.subject()));
    }

    private static CalibrationStatus status(CalibrationStore.CaseRow k) {
        if (k.decided()) {
            return CalibrationStatus.DECIDED;
        }
        if (k.openAbove() > 0) {
            return CalibrationStatus.WAITING;
        }
        return k.movedIn() ? CalibrationStatus.RECHECK : CalibrationStatus.OPEN;
    }

    /** A case of the cycle's current run: a case of an earlier run (or another cycle's) is unknown here. */
    private CalibrationStore.CaseRow requireCase(CalibrationStore.CycleRow cycle, UUID caseId, boolean lock) {
        if (cycle.currentRun() == null || caseId == null) {
            throw new Refused(EvaluationRefusal.CALIBRATION_UNKNOWN);
        }
        return store.find(cycle.currentRun(), caseId, lock)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CALIBRATION_UNKNOWN));
    }

    private List<Level> scale(CalibrationStore.CycleRow cycle, String subject) {
        Map<String, List<Level>> all = scales.computeIfAbsent(cycle.packId() + "@" + cycle.packVersion(),
                key -> Map.copyOf(packs.scales(cycle.packId(), cycle.packVersion())));
        return subject == null ? List.of() : all.getOrDefault(subject, List.of());
    }

    private static void requireStaff(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
    }
}
