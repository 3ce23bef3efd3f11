package org.cadre.evaluation.internal.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.cadre.evaluation.ChapterProposalMade;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.MemberReview;
import org.cadre.evaluation.OtherChapterCommentGiven;
import org.cadre.evaluation.ReviewForm;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.evaluation.domain.ChapterReview;
import org.cadre.evaluation.domain.CommentRequest;
import org.cadre.evaluation.internal.inputs.InputCycle;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.evaluation.internal.inputs.MemberInputs;
import org.cadre.evaluation.internal.inputs.PackFrame;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.supervision.Stance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;

/**
 * The chapter's review: who and which members the caller may review is the inputs' reach (evaluation staff anywhere
 * in the cycle, a secretary in their subtree; members on the rolls at the year's end), asked of {@link InputEntries},
 * so the review and the per-criterion levels it shows answer alike. A change locks the cycle's row (shared) and the
 * review's row, lets {@link ChapterReview} check and change it, writes it and publishes what it raised.
 */
@Service
@Transactional
class ChapterReviewService implements ChapterReviews {

    private final Edits edits;

    private static final List<String> STANCES = Arrays.stream(Stance.values()).map(Stance::name).toList();

    private final ReviewStore store;
    private final CommentRequestStore requests;
    private final InputEntries entries;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChapterReviewService(ReviewStore store, CommentRequestStore requests, InputEntries entries,
            Organizations organizations, OrganizationAccess access, ApplicationEventPublisher events, Clock clock,
            Edits edits) {
        this.edits = edits;
        this.store = store;
        this.requests = requests;
        this.entries = entries;
        this.organizations = organizations;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewList list(UUID cycle, UUID organization, Caller caller) {
        InputCycle found = entries.cycle(cycle);
        boolean staff = staff(caller);
        if (!staff && caller.organizationScope().isEmpty()) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        UUID wanted = organization != null ? organization : staff ? found.scope()
                : caller.organizationScope().orElseThrow();
        OrganizationSummary where = entries.organization(cycle, wanted, caller);
        List<MemberInputs> members = entries.members(cycle, wanted, caller);
        Map<UUID, ReviewStore.ListRow> rows = store.rows(found.id(), members.stream().map(MemberInputs::member)
                .toList());
        List<ReviewList.Row> out = members.stream().map(m -> {
            ReviewStore.ListRow r = rows.get(m.member());
            return new ReviewList.Row(m.member(), m.cardNumber(), m.fullName(), r.selfStatus(), r.selfLevel(),
                    r.engineLevel(), r.rated(), r.status(), r.level(), r.requests(), r.answered());
        }).toList();
        List<ReviewList.Choice> choices = entries.organizations(cycle, caller).stream()
                .map(o -> new ReviewList.Choice(o.id().value(), o.name())).toList();
        return new ReviewList(found.id(), found.year(), where.id().value(), where.name(), found.open(), out,
                entries.frame(cycle).memberScale(), choices);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberReview member(UUID cycle, UUID member, Caller caller) {
        InputCycle found = entries.cycle(cycle);
        return view(found, entries.member(cycle, member, caller));
    }

    @Override
    public MemberReview saveDraft(UUID cycle, UUID member, ReviewForm form, Caller caller) {
        return saveDraft(cycle, member, form, null, caller);
    }

    @Override
    public MemberReview saveDraft(UUID cycle, UUID member, ReviewForm form, EditVersion loaded, Caller caller) {
        return change(cycle, member, loaded, caller, (review, frame) -> {
            review.saveDraft(written(form), frame);
            return Optional.empty();
        });
    }

    @Override
    public MemberReview propose(UUID cycle, UUID member, ReviewForm form, Caller caller) {
        return propose(cycle, member, form, null, caller);
    }

    @Override
    public MemberReview propose(UUID cycle, UUID member, ReviewForm form, EditVersion loaded, Caller caller) {
        return change(cycle, member, loaded, caller, (review, frame) -> Optional.of(review.propose(written(form), frame,
                caller.username())));
    }

    private MemberReview change(UUID cycle, UUID member, EditVersion loaded, Caller caller,
            BiFunction<ChapterReview, ChapterReview.Frame, Optional<ChapterProposalMade>> transition) {
        boolean open = store.lockOpen(cycle);
        InputCycle found = entries.cycle(cycle);
        MemberInputs who = entries.member(cycle, member, caller);
        // in scope first: a conflict tells when the review changed, which is not for a caller out of scope
        edits.claim(EvaluationEdits.chapterReview(found.id(), who.member()), loaded);
        ChapterReview review = store.find(found.id(), who.member(), true).map(ReviewStore.Stored::review)
                .orElseGet(() -> ChapterReview.start(found.id(), who.member(), who.organization()));
        String engineLevel = store.engine(found.id(), who.member()).map(ReviewStore.Engine::level).orElse(null);
        ChapterReview.Frame frame = new ChapterReview.Frame(open, store.decidedList(found.id(), who.member()),
                entries.frame(cycle).memberScale().stream().map(Level::code).toList(), engineLevel, clock.instant());
        Optional<ChapterProposalMade> raised = transition.apply(review, frame);
        store.save(review, caller.username());
        raised.ifPresent(events::publishEvent);
        return view(found, who);
    }

    private static ChapterReview.Written written(ReviewForm form) {
        return form == null ? null : new ChapterReview.Written(form.comment(), form.level(), form.reason());
    }

    @Override
    public CommentRequestView requestComment(UUID cycle, UUID member, UUID organization, Caller caller) {
        boolean open = store.lockOpen(cycle);
        InputCycle found = entries.cycle(cycle);
        MemberInputs who = entries.member(cycle, member, caller);
        if (!open) {
            throw new Refused(EvaluationRefusal.CYCLE_CLOSED);
        }
        UUID previous = store.engine(found.id(), who.member()).map(ReviewStore.Engine::previousOrganization)
                .orElse(null);
        String kind;
        if (organization == null || organization.equals(who.organization())) {
            throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, String.valueOf(organization));
        } else if (organization.equals(previous)) {
            kind = "TRANSFERRED";
        } else if (tree(found).stream().anyMatch(o -> o.id().value().equals(organization))) {
            kind = "TEMPORARY";
        } else {
            throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, String.valueOf(organization));
        }
        UUID id = requests.ask(found.id(), who.member(), who.organization(), organization, kind, caller.username(),
                clock.instant());
        return requests.view(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CommentRequestView> addressedTo(UUID cycle, Caller caller) {
        InputCycle found = entries.cycle(cycle);
        requireReviewer(caller);
        return requests.all(found.id(), false).stream().filter(r -> mayAnswer(caller, r.asked())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CommentRequestView> toAnswer(Caller caller) {
        if (!staff(caller) && caller.organizationScope().isEmpty()) {
            return List.of();
        }
        return requests.all(null, true).stream().filter(r -> mayAnswer(caller, r.asked())).toList();
    }

    @Override
    public CommentRequestView answer(UUID cycle, UUID request, String stance, String text, Caller caller) {
        requireReviewer(caller);
        boolean open = store.lockOpen(cycle);
        CommentRequestStore.Locked locked = requests.locked(cycle, request)
                .orElseThrow(() -> new Refused(EvaluationRefusal.COMMENT_REQUEST_UNKNOWN));
        if (!mayAnswer(caller, locked.asked())) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        CommentRequest answered = locked.request();
        OtherChapterCommentGiven raised = answered.answer(stance, STANCES, text, open, caller.username(), clock.instant());
        requests.answer(answered);
        events.publishEvent(raised);
        return requests.view(request);
    }

    private MemberReview view(InputCycle cycle, MemberInputs who) {
        Optional<ReviewStore.Engine> engine = store.engine(cycle.id(), who.member());
        Optional<ReviewStore.Stored> stored = store.find(cycle.id(), who.member(), false);
        ReviewStore.SelfSeen self = store.self(cycle.id(), who.member());
        boolean decided = store.decidedList(cycle.id(), who.member());
        PackFrame frame = entries.frame(cycle.id());
        List<MemberReview.CriterionLevel> criteria = new ArrayList<>();
        List<String> order = new ArrayList<>();
        frame.criteria("MEMBER").forEach(c -> {
            order.add(c.id());
            Optional.ofNullable(who.criteria().get(c.id())).ifPresent(v -> criteria.add(
                    new MemberReview.CriterionLevel(c.id(), c.label(), v.level(), v.score())));
        });
        who.criteria().values().stream().filter(v -> !order.contains(v.criterion()))
                .sorted(Comparator.comparing(v -> v.criterion()))
                .forEach(v -> criteria.add(new MemberReview.CriterionLevel(v.criterion(), Map.of(), v.level(),
                        v.score())));
        MemberReview.Residence residence = who.residenceStance() == null ? null : new MemberReview.Residence(
                who.residenceStance(), who.residenceText(), who.residenceReceivedOn());
        UUID previous = engine.map(ReviewStore.Engine::previousOrganization).orElse(null);
        ChapterReview review = stored.map(ReviewStore.Stored::review).orElse(null);
        List<OrganizationSummary> tree = tree(cycle);
        return new MemberReview(cycle.id(), cycle.year(), who.member(), who.cardNumber(), who.fullName(),
                who.organization(), name(who.organization()), cycle.open(), cycle.open() && !decided, decided,
                self.status(), self.review(), self.submittedAt(), engine.map(ReviewStore.Engine::rating).orElse(null),
                engine.map(ReviewStore.Engine::level).orElse(null),
                review == null ? ReviewStatus.NONE : review.status(),
                review == null ? null : review.written().comment(), review == null ? null : review.written().level(),
                review == null ? null : review.written().reason(), review == null ? null : review.savedAt(),
                review == null ? null : review.proposedAt(), stored.map(ReviewStore.Stored::proposedBy).orElse(null),
                criteria, residence, requests.ofMember(cycle.id(), who.member()), previous,
                previous == null ? null : name(previous),
                tree.stream().filter(o -> !o.id().value().equals(who.organization()))
                        .map(o -> new ReviewList.Choice(o.id().value(), o.name())).toList(),
                frame.memberScale());
    }

    private String name(UUID organization) {
        return organizations.find(new OrganizationId(organization)).map(OrganizationSummary::name)
                .orElse(String.valueOf(organization));
    }

    /** The organizations of the cycle's scope at the year's end, in tree order. */
    private List<OrganizationSummary> tree(InputCycle cycle) {
        List<OrganizationSummary> out = new ArrayList<>();
        organizations.subtree(new OrganizationId(cycle.scope()), cycle.yearEnd()).ifPresent(n -> collect(n, out));
        return out;
    }

    private static void collect(TreeNode node, List<OrganizationSummary> out) {
        out.add(node.organization());
        node.children().forEach(child -> collect(child, out));
    }

    private static boolean staff(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.EVALUATOR);
    }

    private static void requireReviewer(Caller caller) {
        if (!staff(caller) && caller.organizationScope().isEmpty()) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
    }

    /** The chapter asked answers: its secretary (or above), or evaluation staff. */
    private boolean mayAnswer(Caller caller, UUID asked) {
        return staff(caller) || caller.organizationScope().isPresent()
                && access.mayChange(caller, new OrganizationId(asked));
    }
}
