package org.cadre.evaluation.internal.decisions;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.DecisionAuthority;
import org.cadre.evaluation.DecisionSigned;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SignedLevel;
import org.cadre.evaluation.domain.Decision;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;

/**
 * Decisions of the competent level: opens (and refreshes) each grassroots organization's drafts from the current
 * run after calibration, lets {@link Decision} check and change a list, writes it, publishes what it raised. Every
 * change takes the cycle's lock first (the one runs and closings take, so a closing cannot pass a signature) and then
 * the list's row.
 */
@Service
@Transactional
class DecisionService implements Decisions {

    private final Edits edits;

    static final String MEMBER = "MEMBER";
    static final String ORGANIZATION = "ORGANIZATION";
    private static final List<String> KINDS = List.of(MEMBER, ORGANIZATION);

    private final DecisionStore store;
    private final DecisionTree trees;
    private final Competences competences;
    private final OrganizationAccess access;
    private final DecisionDocument documents;
    private final ClusterLocks locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ListsToSign waiting;
    private final Calibrations calibrations;

    DecisionService(DecisionStore store, DecisionTree trees, Competences competences, OrganizationAccess access,
            DecisionDocument documents, ClusterLocks locks, ApplicationEventPublisher events, Clock clock,
            ListsToSign waiting, Calibrations calibrations, Edits edits) {
        this.edits = edits;
        this.store = store;
        this.trees = trees;
        this.competences = competences;
        this.access = access;
        this.documents = documents;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
        this.waiting = waiting;
        this.calibrations = calibrations;
    }

    @Override
    public List<DecisionSummary> lists(UUID cycle, Caller caller) {
        DecisionCycle found = store.cycle(cycle);
        DecisionTree.Tree tree = trees.of(found);
        List<Decision> decisions = found.open() && found.currentRun() != null ? open(found, tree)
                : store.all(found.id());
        Competence competence = competences.of(caller, found);
        return decisions.stream().map(store::withItems).map(d -> summary(d, tree, competence))
                .filter(s -> mayRead(caller, s))
                .sorted(Comparator.comparing((DecisionSummary s) -> tree.code(s.organization()))
                        .thenComparing(s -> KINDS.indexOf(s.kind())))
                .toList();
    }

    @Override
    public DecisionView decision(UUID cycle, UUID decision, Caller caller) {
        DecisionCycle found = store.cycle(cycle);
        Decision d = load(found, decision, false);
        if (found.open() && found.currentRun() != null && d.status() == DecisionStatus.DRAFT) {
            d = refreshed(found, store.find(decision, true).orElseThrow());
        }
        DecisionTree.Tree tree = trees.of(found);
        DecisionSummary summary = summary(d, tree, competences.of(caller, found));
        requireRead(caller, summary);
        return view(found, d, summary);
    }

    @Override
    public DecisionView decide(UUID cycle, UUID decision, UUID subject, String level, String reason, Caller caller) {
        return decide(cycle, decision, subject, level, reason, null, caller);
    }

    @Override
    public DecisionView decide(UUID cycle, UUID decision, UUID subject, String level, String reason,
            EditVersion loaded, Caller caller) {
        return change(cycle, decision, caller, (found, d) -> {
            // after the cycle's lock and the competence check of change: only a decider learns of a conflict
            edits.claim(EvaluationEdits.decisionItem(d.id(), subject), loaded);
            d.decide(subject, level, reason, trees.scale(found, d.kind()).stream().map(Level::code).toList(),
                    found.open());
            return Optional.empty();
        });
    }

    @Override
    public DecisionView sign(UUID cycle, UUID decision, String number, Caller caller) {
        return change(cycle, decision, caller, (found, d) -> Optional.of(d.sign(number, caller.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), found.open(), openCases(found, d))));
    }

    private interface Transition {
        Optional<DecisionSigned> apply(DecisionCycle cycle, Decision decision);
    }

    /** The cycle's lock, the list's row, competence, then the transition: a refusal writes nothing. */
    private DecisionView change(UUID cycle, UUID decision, Caller caller, Transition transition) {
        requireDecider(caller);
        DecisionCycle unlocked = store.cycle(cycle);
        locks.lockUntilTransactionEnds("evaluation.cycle." + unlocked.id());
        DecisionCycle found = store.cycle(cycle);
        Decision d = load(found, decision, true);
        if (found.open() && found.currentRun() != null && d.status() == DecisionStatus.DRAFT) {
            d = refreshed(found, d);
        }
        DecisionTree.Tree tree = trees.of(found);
        Competence competence = competences.of(caller, found);
        if (!competence.covers(d.competent())) {
            throw new Refused(EvaluationRefusal.NOT_COMPETENT);
        }
        Optional<DecisionSigned> raised = transition.apply(found, d);
        store.save(d);
        raised.ifPresent(events::publishEvent);
        return view(found, d, summary(d, tree, competence));
    }

    @Override
    @Transactional(readOnly = true)
    public DecisionAuthority authority(UUID cycle, UUID organization, String kind, Caller caller) {
        requireDecider(caller);
        DecisionCycle found = store.cycle(cycle);
        DecisionTree.Tree tree = trees.of(found);
        requireList(tree, organization, kind);
        return authorityOf(found, tree, organization, kind);
    }

    @Override
    public DecisionAuthority setAuthority(UUID cycle, UUID organization, String kind, UUID competent,
            Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        DecisionCycle unlocked = store.cycle(cycle);
        locks.lockUntilTransactionEnds("evaluation.cycle." + unlocked.id());
        DecisionCycle found = store.cycle(cycle);
        DecisionTree.Tree tree = trees.of(found);
        OrganizationSummary list = requireList(tree, organization, kind);
        if (!found.open()) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        UUID parent = list.parentId() == null ? null : list.parentId().value();
        if (competent != null && !competent.equals(organization) && !competent.equals(parent)) {
            throw new Refused(EvaluationRefusal.AUTHORITY_TOO_FAR, trees.name(tree, competent));
        }
        Optional<Decision> existing = store.find(found.id(), organization, kind, true);
        UUID effective = competent != null ? competent : defaultCompetent(list, kind);
        existing.ifPresent(d -> d.assignCompetent(effective, found.open()));
        store.setAuthority(found.id(), organization, kind, competent, caller.username(), clock.instant());
        existing.ifPresent(d -> store.save(store.withItems(d)));
        return authorityOf(found, tree, organization, kind);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SignedLevel> signedLevel(UUID cycle, UUID subject) {
        return store.signedLevel(cycle, subject);
    }

    @Override
    @Transactional(readOnly = true)
    public int unsignedLists(UUID cycle) {
        DecisionCycle found = store.cycle(cycle);
        return found.currentRun() == null ? 0 : store.unsignedLists(found.id(), found.currentRun());
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] document(UUID cycle, UUID decision, Caller caller) {
        DecisionCycle found = store.cycle(cycle);
        Decision d = load(found, decision, false);
        DecisionTree.Tree tree = trees.of(found);
        DecisionSummary summary = summary(d, tree, competences.of(caller, found));
        requireRead(caller, summary);
        return documents.write(found, tree, view(found, d, summary));
    }

    @Override
    @Transactional(readOnly = true)
    public int toSign(UUID cycle, Caller caller) {
        return waiting.count(store.cycle(cycle), caller);
    }

    /** Opens the missing drafts of the current run and refreshes the others (signed lists stay as they are). */
    private List<Decision> open(DecisionCycle cycle, DecisionTree.Tree tree) {
        List<Decision> out = new ArrayList<>();
        for (UUID organization : store.grassroots(cycle.currentRun())) {
            OrganizationSummary summary = tree.organization(organization);
            if (summary == null) {
                continue;
            }
            for (String kind : KINDS) {
                Optional<Decision> stored = store.find(cycle.id(), organization, kind, true);
                if (stored.isPresent()) {
                    out.add(stored.get().status() == DecisionStatus.DRAFT
                            ? refreshed(cycle, stored.get()) : stored.get());
                    continue;
                }
                Map<UUID, String> proposals = store.proposals(cycle.currentRun(), organization, kind);
                if (proposals.isEmpty()) {
                    continue;
                }
                UUID competent = store.authority(cycle.id(), organization, kind)
                        .orElse(defaultCompetent(summary, kind));
                Decision draft = Decision.draft(UUID.randomUUID(), cycle.id(), organization, kind, competent,
                        cycle.currentRun(), proposals);
                if (store.insert(draft)) {
                    out.add(draft);
                } else {
                    out.add(refreshed(cycle, store.find(cycle.id(), organization, kind, true).orElseThrow()));
                }
            }
        }
        return out;
    }

    /** A draft (its row locked) brought up to the current run's proposals after calibration, written if changed. */
    private Decision refreshed(DecisionCycle cycle, Decision locked) {
        Decision d = store.withItems(locked);
        if (d.refresh(cycle.currentRun(), store.proposals(cycle.currentRun(), d.organization(), d.kind()))) {
            store.save(d);
        }
        return d;
    }

    private Decision load(DecisionCycle cycle, UUID decision, boolean lock) {
        return store.find(decision, lock).filter(d -> d.cycle().equals(cycle.id())).map(store::withItems)
                .orElseThrow(() -> new Refused(EvaluationRefusal.DECISION_UNKNOWN));
    }

    /** The regulation's default: members by the grassroots organization itself, organizations by the one above. */
    static UUID defaultCompetent(OrganizationSummary list, String kind) {
        if (ORGANIZATION.equals(kind) && list.parentId() != null) {
            return list.parentId().value();
        }
        return list.id().value();
    }

    private DecisionAuthority authorityOf(DecisionCycle cycle, DecisionTree.Tree tree, UUID organization,
            String kind) {
        Optional<UUID> set = store.authority(cycle.id(), organization, kind);
        UUID competent = set.orElse(defaultCompetent(tree.organization(organization), kind));
        return new DecisionAuthority(cycle.id(), organization, kind, competent, trees.name(tree, competent),
                set.isEmpty());
    }

    private static OrganizationSummary requireList(DecisionTree.Tree tree, UUID organization, String kind) {
        OrganizationSummary found = organization == null ? null : tree.organization(organization);
        if (found == null || !found.kind().isGrassroots()) {
            throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, String.valueOf(organization));
        }
        if (!KINDS.contains(kind)) {
            throw new Refused(EvaluationRefusal.DECISION_UNKNOWN);
        }
        return found;
    }

    private DecisionSummary summary(Decision d, DecisionTree.Tree tree, Competence competence) {
        boolean byDefault = store.authority(d.cycle(), d.organization(), d.kind()).isEmpty();
        OrganizationSummary list = tree.organization(d.organization());
        UUID parent = list == null || list.parentId() == null ? null : list.parentId().value();
        return new DecisionSummary(d.id(), d.cycle(), d.organization(), trees.name(tree, d.organization()), parent,
                parent == null ? null : trees.name(tree, parent), d.kind(),
                d.competent(), trees.name(tree, d.competent()), byDefault, d.status(), d.items().size(),
                d.departures(), d.number(), d.signedBy(), d.signedAt(), competence.covers(d.competent()));
    }

    private DecisionView view(DecisionCycle cycle, Decision d, DecisionSummary summary) {
        return new DecisionView(summary, cycle.year(), cycle.open(),
                d.status() == DecisionStatus.DRAFT ? openCases(cycle, d) : 0,
                store.items(d.id(), cycle.id()), trees.scale(cycle, d.kind()));
    }

    /** The quota cases of the current run still waiting for the committee that concern the list. */
    private int openCases(DecisionCycle cycle, Decision d) {
        return cycle.currentRun() == null ? 0 : calibrations.pendingCases(cycle.id(), d.organization(),
                d.items().stream().map(Decision.Item::subject).toList());
    }

    /** The competent level reads a list; so does a secretary of the subtree it belongs to. */
    private boolean mayRead(Caller caller, DecisionSummary list) {
        return list.mayDecide() || (caller.has(Role.SECRETARY)
                && access.maySee(caller, new OrganizationId(list.organization())));
    }

    private void requireRead(Caller caller, DecisionSummary list) {
        if (!mayRead(caller, list)) {
            throw new Refused(EvaluationRefusal.NOT_COMPETENT);
        }
    }

    private static void requireDecider(Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY)) {
            throw new Refused(EvaluationRefusal.NOT_COMPETENT);
        }
    }
}
