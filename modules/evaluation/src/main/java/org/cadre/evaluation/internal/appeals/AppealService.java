package org.cadre.evaluation.internal.appeals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.evaluation.AppealDecided;
import org.cadre.evaluation.AppealFiled;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.FileAppeal;
import org.cadre.evaluation.domain.Appeal;
import org.cadre.evaluation.internal.appeals.AppealStore.AppealCycle;
import org.cadre.evaluation.internal.appeals.AppealStore.SignedItem;
import org.cadre.evaluation.internal.appeals.AppealStore.Stored;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals: each change takes the cycle's lock (the one closing a cycle takes, so a cycle cannot close under an appeal
 * being written and a change never lands in a closed cycle), locks the appeal's row, lets {@link Appeal} check and
 * change it, writes the row and the steps it added, and publishes what it raised. Who may act is decided here from
 * the caller ({@link AppealAccess}); the member's id always comes from the caller.
 */
@Service
@Transactional
class AppealService implements Appeals {

    private final AppealStore store;
    private final AppealAccess access;
    private final RulePackRegistry packs;
    private final ClusterLocks locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultWindowDays;
    // a stored pack version never changes, so its scales are read once
    private final Map<String, Map<String, List<Level>>> scales = new ConcurrentHashMap<>();

    AppealService(AppealStore store, AppealAccess access, RulePackRegistry packs, ClusterLocks locks,
            ApplicationEventPublisher events, Clock clock,
            @Value("${cadre.evaluation.appeal-window-days:30}") int defaultWindowDays) {
        this.store = store;
        this.access = access;
        this.packs = packs;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
        Appeal.checkWindowDays(defaultWindowDays);
        this.defaultWindowDays = defaultWindowDays;
    }

    @Override
    public AppealView file(UUID cycle, FileAppeal command, Caller caller) {
        AppealCycle found = lockedCycle(cycle);
        FileAppeal given = command == null ? new FileAppeal(null, null, null) : command;
        AppealAccess.Subject subject = access.subjectToFile(given.subject(), caller);
        SignedItem signed = store.signed(found.id(), subject.id(), subject.kind()).orElse(null);
        Appeal appeal = Appeal.start(UUID.randomUUID(), found.id(), subject.kind(), subject.id());
        Appeal.Frame frame = new Appeal.Frame(found.open(), signed == null ? null
                : new Appeal.Signed(signed.decision(), signed.level(), signed.signedAt()), windowDays(found.id()),
                clock.instant(), clock.getZone(), store.openAppeal(found.id(), subject.id()).isPresent(),
                scale(found, subject.kind()));
        AppealFiled filed = appeal.file(given.grounds(), given.requestedLevel(), caller.username(), frame);
        try {
            store.insert(appeal);
        } catch (DuplicateKeyException e) {
            // an appeal of the same subject filed meanwhile through a path that did not take the cycle's lock
            throw new Refused(EvaluationRefusal.APPEAL_EXISTS);
        }
        events.publishEvent(filed);
        return view(found, store.find(found.id(), appeal.id(), false).orElseThrow(), caller);
    }

    @Override
    public AppealView note(UUID cycle, UUID appeal, String text, Caller caller) {
        AppealCycle found = lockedCycle(cycle);
        Stored stored = locked(found, appeal);
        access.requireCompetent(caller, stored.competent());
        stored.appeal().note(text, caller.username(), clock.instant(), found.open());
        store.append(stored.appeal());
        return view(found, store.find(found.id(), appeal, false).orElseThrow(), caller);
    }

    @Override
    public AppealView decide(UUID cycle, UUID appeal, DecideAppeal command, Caller caller) {
        AppealCycle found = lockedCycle(cycle);
        Stored stored = locked(found, appeal);
        access.requireCompetent(caller, stored.competent());
        if (command == null || command.outcome() == null) {
            throw new Refused(EvaluationRefusal.APPEAL_LEVEL_UNCHANGED, String.valueOf(stored.appeal().levelBefore()));
        }
        AppealDecided decided = stored.appeal().decide(command.outcome(), command.level(), command.reason(),
                caller.username(), clock.instant(), found.open(), scale(found, stored.appeal().subjectKind()));
        store.decided(stored.appeal());
        events.publishEvent(decided);
        return view(found, store.find(found.id(), appeal, false).orElseThrow(), caller);
    }

    @Override
    @Transactional(readOnly = true)
    public int openAppeals(UUID cycle) {
        return store.openAppeals(store.cycle(cycle).id());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AppealView> list(UUID cycle, Caller caller) {
        AppealCycle found = store.cycle(cycle);
        return store.ofCycle(found.id()).stream().filter(s -> access.mayRead(caller, s))
                .map(s -> view(found, s, caller)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AppealView find(UUID cycle, UUID appeal, Caller caller) {
        AppealCycle found = store.cycle(cycle);
        Stored stored = store.find(found.id(), appeal, false)
                .orElseThrow(() -> new Refused(EvaluationRefusal.APPEAL_UNKNOWN));
        if (!access.mayRead(caller, stored)) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return view(found, stored, caller);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AppealView> mine(Caller caller) {
        UUID me = caller.member().orElseThrow(() -> new Refused(EvaluationRefusal.NOT_ALLOWED));
        return store.ofSubject(me).stream().filter(s -> s.appeal().subjectKind() == Proposal.Subject.MEMBER)
                .map(s -> view(store.cycle(s.appeal().cycle()), s, caller)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecidedRating> myDecidedRatings(Caller caller) {
        UUID me = caller.member().orElseThrow(() -> new Refused(EvaluationRefusal.NOT_ALLOWED));
        return store.cyclesWithSignedItem(me).stream().map(store::cycle)
                .flatMap(c -> store.signed(c.id(), me, Proposal.Subject.MEMBER).map(s -> decided(c, s)).stream())
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecidedRating> appealableOrganizations(UUID cycle, Caller caller) {
        AppealCycle found = store.cycle(cycle);
        List<SignedItem> items = caller.hasAny(Role.ADMIN, Role.EVALUATOR)
                ? store.signedOfKind(found.id(), Proposal.Subject.ORGANIZATION)
                : caller.organizationScope().flatMap(scope -> store.signed(found.id(), scope,
                        Proposal.Subject.ORGANIZATION)).stream().toList();
        return items.stream().map(s -> decided(found, s)).filter(DecidedRating::appealable).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int windowDays(UUID cycle, Caller caller) {
        return windowDays(store.cycle(cycle).id());
    }

    @Override
    public void setWindowDays(UUID cycle, int days, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        Appeal.checkWindowDays(days);
        AppealCycle found = lockedCycle(cycle);
        if (!found.open()) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        store.setWindowDays(found.id(), days, caller.username(), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Level> scale(UUID cycle, Proposal.Subject kind) {
        AppealCycle found = store.cycle(cycle);
        return levels(found).getOrDefault(kind.name(), List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public int toDecide(UUID cycle, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY)) {
            return 0;
        }
        return (int) store.openCompetents(store.cycle(cycle).id()).stream()
                .filter(competent -> access.competent(caller, competent)).count();
    }

    private DecidedRating decided(AppealCycle cycle, SignedItem item) {
        LocalDate lastDay = Appeal.lastDay(item.signedAt(), windowDays(cycle.id()), clock.getZone());
        boolean appealable = cycle.open() && !LocalDate.now(clock).isAfter(lastDay)
                && store.openAppeal(cycle.id(), item.subject()).isEmpty();
        return new DecidedRating(cycle.id(), cycle.year(), item.subject(), item.kind(), item.subjectName(),
                item.level(), item.source(), item.decision(), item.signedAt(), lastDay, appealable);
    }

    /**
     * Takes the cycle's lock (the one {@code CycleService} takes to close it) before reading whether it is open, so
     * the answer holds until this transaction ends.
     */
    private AppealCycle lockedCycle(UUID cycle) {
        if (cycle == null) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        locks.lockUntilTransactionEnds("evaluation.cycle." + cycle);
        return store.cycle(cycle);
    }

    private Stored locked(AppealCycle cycle, UUID appeal) {
        return store.find(cycle.id(), appeal, true).orElseThrow(() -> new Refused(EvaluationRefusal.APPEAL_UNKNOWN));
    }

    private int windowDays(UUID cycle) {
        return store.windowDays(cycle).orElse(defaultWindowDays);
    }

    private List<String> scale(AppealCycle cycle, Proposal.Subject kind) {
        return levels(cycle).getOrDefault(kind.name(), List.of()).stream().map(Level::code).toList();
    }

    private Map<String, List<Level>> levels(AppealCycle cycle) {
        return scales.computeIfAbsent(cycle.packId() + "@" + cycle.packVersion(),
                key -> Map.copyOf(packs.scales(cycle.packId(), cycle.packVersion())));
    }

    private AppealView view(AppealCycle cycle, Stored stored, Caller caller) {
        Appeal a = stored.appeal();
        boolean mayReexamine = cycle.open() && a.status() == AppealStatus.OPEN
                && access.competent(caller, stored.competent());
        return new AppealView(a.id(), a.cycle(), cycle.year(), a.subject(), a.subjectKind(), stored.subjectName(),
                a.decision(), stored.competent(), a.filedBy(), a.filedAt(), a.grounds(), a.requestedLevel(),
                a.status(), a.outcome(), a.levelBefore(), a.levelAfter(), a.reason(), a.decidedBy(), a.decidedAt(),
                store.steps(a.id()), mayReexamine);
    }
}
