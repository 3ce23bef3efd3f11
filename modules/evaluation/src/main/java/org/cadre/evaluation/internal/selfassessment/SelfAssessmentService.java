package org.cadre.evaluation.internal.selfassessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SelfAssessmentOverview;
import org.cadre.evaluation.SelfAssessmentReturned;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessmentSubmitted;
import org.cadre.evaluation.SelfAssessmentView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.domain.SelfAssessment;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;

/**
 * Members' self-assessments: the member's own (load it locked, let {@link SelfAssessment} check and change it, write
 * it, publish what it raised), the secretary's overview and reminders, the staff's deadline. Who is in a cycle is
 * asked of the organizations facade: on the rolls of an organization of the cycle's scope on 31 December of its year.
 */
@Service
@Transactional
class SelfAssessmentService implements SelfAssessments {

    private final SelfAssessmentStore store;
    private final Members members;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final RulePackRegistry packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Edits edits;
    // a stored pack version never changes (an edit makes a new version), so its scale is read once
    private final Map<String, List<Level>> scales = new ConcurrentHashMap<>();

    SelfAssessmentService(SelfAssessmentStore store, Members members, Organizations organizations,
            OrganizationAccess access, RulePackRegistry packs, ApplicationEventPublisher events, Clock clock,
            Edits edits) {
        this.edits = edits;
        this.store = store;
        this.members = members;
        this.organizations = organizations;
        this.access = access;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SelfAssessmentView mine(UUID cycle, Caller caller) {
        UUID me = requireMember(caller);
        SelfAssessmentCycle found = store.cycle(cycle, false);
        MemberSummary summary = requireInCycle(found, me);
        return view(found, summary, store.find(found.id(), me, false).orElseGet(() -> SelfAssessment.start(
                found.id(), me)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<SelfAssessmentView> myCycles(Caller caller) {
        UUID me = requireMember(caller);
        List<SelfAssessmentView> out = new ArrayList<>();
        for (SelfAssessmentCycle cycle : store.openCycles()) {
            memberOf(cycle, me).ifPresent(summary -> out.add(view(cycle, summary,
                    store.find(cycle.id(), me, false).orElseGet(() -> SelfAssessment.start(cycle.id(), me)))));
        }
        return out;
    }

    @Override
    public SelfAssessmentView saveDraft(UUID cycle, SelfReview review, Caller caller) {
        return saveDraft(cycle, review, null, caller);
    }

    @Override
    public SelfAssessmentView saveDraft(UUID cycle, SelfReview review, EditVersion loaded, Caller caller) {
        return change(cycle, loaded, caller, (assessment, window) -> {
            assessment.saveDraft(review, window);
            return Optional.empty();
        });
    }

    @Override
    public SelfAssessmentView submit(UUID cycle, SelfReview review, Caller caller) {
        return submit(cycle, review, null, caller);
    }

    @Override
    public SelfAssessmentView submit(UUID cycle, SelfReview review, EditVersion loaded, Caller caller) {
        return change(cycle, loaded, caller, (assessment, window) -> Optional.of(assessment.submit(review, window)));
    }

    private interface Transition {
        Optional<SelfAssessmentSubmitted> apply(SelfAssessment assessment, SelfAssessment.Window window);
    }

    /** Only the member writes their own: the id comes from the caller, never from the request. */
    private SelfAssessmentView change(UUID cycle, EditVersion loaded, Caller caller, Transition transition) {
        UUID me = requireMember(caller);
        SelfAssessmentCycle found = store.cycle(cycle, true);
        MemberSummary summary = requireInCycle(found, me);
        edits.claim(EvaluationEdits.selfAssessment(found.id(), me), loaded);
        SelfAssessment assessment = store.find(found.id(), me, true)
                .orElseGet(() -> SelfAssessment.start(found.id(), me));
        Optional<SelfAssessmentSubmitted> raised = transition.apply(assessment, window(found));
        store.save(assessment);
        raised.ifPresent(events::publishEvent);
        return view(found, summary, assessment);
    }

    @Override
    @Transactional(readOnly = true)
    public SelfAssessmentOverview overview(UUID cycle, UUID organization, Caller caller) {
        SelfAssessmentCycle found = store.cycle(cycle, false);
        return overview(found, requireOrganization(found, organization, caller));
    }

    @Override
    public int remind(UUID cycle, UUID organization, UUID member, Caller caller) {
        SelfAssessmentCycle found = store.cycle(cycle, true);
        OrganizationSummary where = requireOrganization(found, organization, caller);
        if (!found.open()) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        List<UUID> reminded = new ArrayList<>();
        if (member != null) {
            MemberSummary summary = members.list(where.id(), true, found.yearEnd()).stream()
                    .filter(m -> m.id().value().equals(member)).findFirst()
                    .orElseThrow(() -> new Refused(EvaluationRefusal.MEMBER_UNKNOWN, String.valueOf(member)));
            store.find(found.id(), member, true).orElseGet(() -> SelfAssessment.start(found.id(), member))
                    .checkMayRemind(found.open());
            reminded.add(summary.id().value());
        } else {
            overview(found, where).rows().stream().filter(r -> r.status() != SelfAssessmentStatus.SUBMITTED)
                    .forEach(r -> reminded.add(r.member()));
        }
        store.remind(found.id(), reminded, caller.username(), clock.instant());
        return reminded.size();
    }

    @Override
    public void sendBack(UUID cycle, UUID member, String reason, Caller caller) {
        boolean staff = caller.hasAny(Role.ADMIN, Role.EVALUATOR);
        if (!staff && caller.organizationScope().isEmpty()) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        SelfAssessmentCycle found = store.cycle(cycle, true);
        MemberSummary summary = requireInCycle(found, member);
        if (!staff && !access.mayChange(caller, summary.id())) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        SelfAssessment assessment = store.find(found.id(), member, true)
                .orElseGet(() -> SelfAssessment.start(found.id(), member));
        SelfAssessmentReturned raised = assessment.sendBack(reason, found.open(), caller.username(),
                clock.instant());
        store.sendBack(assessment);
        events.publishEvent(raised);
    }

    @Override
    public void setDeadline(UUID cycle, LocalDate deadline, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        SelfAssessmentCycle found = store.cycle(cycle, true);
        if (!found.open()) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        store.setDeadline(found.id(), deadline, caller.username(), clock.instant());
    }

    private SelfAssessmentOverview overview(SelfAssessmentCycle cycle, OrganizationSummary organization) {
        List<MemberSummary> onRolls = members.list(organization.id(), true, cycle.yearEnd());
        Map<UUID, SelfAssessmentStore.Standing> standings = store.standings(cycle.id(),
                onRolls.stream().map(m -> m.id().value()).toList());
        List<SelfAssessmentOverview.Row> rows = new ArrayList<>();
        for (MemberSummary m : onRolls) {
            SelfAssessmentStore.Standing s = standings.get(m.id().value());
            rows.add(new SelfAssessmentOverview.Row(m.id().value(), m.cardNumber(), m.fullName(),
                    m.organizationName(), s.status(), s.level(), s.submittedAt(), s.remindedAt()));
        }
        return new SelfAssessmentOverview(cycle.id(), cycle.year(), organization.id().value(), organization.name(),
                store.deadline(cycle.id()).orElse(null), cycle.open(), rows, scale(cycle));
    }

    private SelfAssessmentView view(SelfAssessmentCycle cycle, MemberSummary member, SelfAssessment assessment) {
        SelfAssessment.Window window = window(cycle);
        return new SelfAssessmentView(cycle.id(), cycle.year(), member.id().value(), member.cardNumber(),
                member.fullName(), member.organizationName(), assessment.status(), assessment.review(),
                assessment.savedAt(), assessment.submittedAt(), window.deadline(), cycle.open(),
                assessment.editable(window), store.remindedAt(cycle.id(), member.id().value()).orElse(null),
                scale(cycle), assessment.returned().map(SelfAssessment.Returned::reason).orElse(null),
                assessment.returned().map(SelfAssessment.Returned::at).orElse(null));
    }

    private SelfAssessment.Window window(SelfAssessmentCycle cycle) {
        return new SelfAssessment.Window(cycle.open(), store.deadline(cycle.id()).orElse(null), clock.instant(),
                clock.getZone(), scale(cycle).stream().map(Level::code).toList());
    }

    private List<Level> scale(SelfAssessmentCycle cycle) {
        return scales.computeIfAbsent(cycle.packId() + "@" + cycle.packVersion(),
                key -> List.copyOf(packs.scales(cycle.packId(), cycle.packVersion()).getOrDefault("MEMBER",
                        List.of())));
    }

    private static UUID requireMember(Caller caller) {
        return caller.member().orElseThrow(() -> new Refused(EvaluationRefusal.NOT_ALLOWED));
    }

    private MemberSummary requireInCycle(SelfAssessmentCycle cycle, UUID member) {
        return memberOf(cycle, member).orElseThrow(() -> new Refused(EvaluationRefusal.MEMBER_UNKNOWN,
                members.find(new MemberId(member)).map(MemberSummary::cardNumber).orElse(String.valueOf(member))));
    }

    /** On the rolls of an organization of the cycle's scope on the year's last day. */
    private Optional<MemberSummary> memberOf(SelfAssessmentCycle cycle, UUID member) {
        Optional<MemberSummary> found = members.find(new MemberId(member));
        if (found.isEmpty()) {
            return found;
        }
        // cheap first: in the organization they are in today, at the year's end; else the scope's rolls then
        Map<UUID, OrganizationSummary> tree = tree(cycle);
        if (tree.containsKey(found.get().organizationId().value())) {
            Optional<MemberSummary> there = members.list(found.get().organizationId(), false, cycle.yearEnd())
                    .stream().filter(m -> m.id().value().equals(member)).findFirst();
            if (there.isPresent()) {
                return there;
            }
        }
        return members.list(new OrganizationId(cycle.scope()), true, cycle.yearEnd()).stream()
                .filter(m -> m.id().value().equals(member)).findFirst();
    }

    /**
     * The organization (the caller's own when none is named, else the cycle's scope), which must be in the cycle's
     * tree and changeable by the caller: evaluation staff anywhere, a secretary in their subtree.
     */
    private OrganizationSummary requireOrganization(SelfAssessmentCycle cycle, UUID organization, Caller caller) {
        boolean staff = caller.hasAny(Role.ADMIN, Role.EVALUATOR);
        if (!staff && caller.organizationScope().isEmpty()) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        UUID wanted = organization != null ? organization
                : caller.organizationScope().filter(o -> !staff).orElse(cycle.scope());
        OrganizationSummary found = tree(cycle).get(wanted);
        if (found == null) {
            throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, String.valueOf(wanted));
        }
        if (!staff && !access.mayChange(caller, found.id())) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return found;
    }

    /** The organizations of the cycle's scope at the year's end, by id. */
    private Map<UUID, OrganizationSummary> tree(SelfAssessmentCycle cycle) {
        Map<UUID, OrganizationSummary> out = new HashMap<>();
        organizations.subtree(new OrganizationId(cycle.scope()), cycle.yearEnd()).ifPresent(node -> collect(node,
                out));
        return out;
    }

    private static void collect(TreeNode node, Map<UUID, OrganizationSummary> out) {
        out.put(node.organization().id().value(), node.organization());
        node.children().forEach(child -> collect(child, out));
    }
}
