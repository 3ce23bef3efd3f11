package org.cadre.evaluation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.SelfAssessmentOverview;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessmentView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.StoredRating;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.HomeSection;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What waits for the caller in evaluation, on the home page, each line a link to where the work is done: evaluation
 * staff see the open cycles (latest run) with the quota cases still to decide, the lists still to sign and the
 * appeals still to decide that they are competent for; a secretary the open cycles of their organization, how many of
 * its members have not self-assessed (and who is due a reminder, or that the deadline passed), how many still wait
 * for the chapter's proposal, the comments other chapters asked of theirs, and the lists and appeals their committee
 * decides; a member their open self-assessments, latest rating, the level decided for their latest decided year with
 * the appeal window while it is open, and their appeal of that year. A reviewer sees nothing here (their comments are
 * requested elsewhere), and nobody sees a line for what does not exist yet or is done.
 *
 * <p>Cheap on purpose (the home page is the busiest page): per open cycle one count of the undecided quota cases, one
 * query for the lists as they stand (no draft is opened) and one for the appeals being re-examined; the secretary's
 * member counts come from the one overview and review list per open cycle; never a query per member.
 */
@Component
class EvaluationHomeSection implements HomeSection {

    private final Cycles cycles;
    private final CycleResults results;
    private final SelfAssessments assessments;
    private final ChapterReviews reviews;
    private final OrganizationAccess access;
    private final Calibrations calibrations;
    private final Decisions decisions;
    private final Appeals appeals;
    private final Clock clock;
    private final Duration remindAgainAfter;

    EvaluationHomeSection(Cycles cycles, CycleResults results, SelfAssessments assessments, ChapterReviews reviews,
            OrganizationAccess access, Calibrations calibrations, Decisions decisions, Appeals appeals, Clock clock,
            @Value("${cadre.evaluation.remind-again-after-days:7}") int remindAgainAfterDays) {
        this.cycles = cycles;
        this.results = results;
        this.assessments = assessments;
        this.reviews = reviews;
        this.access = access;
        this.calibrations = calibrations;
        this.decisions = decisions;
        this.appeals = appeals;
        this.clock = clock;
        this.remindAgainAfter = Duration.ofDays(remindAgainAfterDays);
    }

    @Override
    public String template() {
        return "evaluation/home";
    }

    @Override
    public String fragment() {
        return "section";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Map<String, Object> model(Caller caller) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            List<StaffCycle> open = openCycles(caller).stream().map(c -> staffCycle(c, caller)).toList();
            if (!open.isEmpty()) {
                model.put("evaluationStaffCycles", open);
            }
        } else if (caller.organizationScope().isPresent()) {
            List<CycleView> visible = openCycles(caller);
            List<ChapterCycle> open = chapterCycles(visible, caller, caller.organizationScope().get());
            if (!open.isEmpty()) {
                model.put("evaluationChapterCycles", open);
            }
            List<ToPropose> proposals = open.stream().flatMap(c -> toPropose(c, caller).stream()).toList();
            if (!proposals.isEmpty()) {
                model.put("evaluationProposalsToMake", proposals);
            }
            List<ToAnswer> requests = toAnswer(caller);
            if (!requests.isEmpty()) {
                model.put("evaluationRequestsToAnswer", requests);
            }
            List<ToDecide> toDecide = visible.stream().map(c -> toDecide(c, caller))
                    .filter(t -> t.toSign() > 0 || t.appeals() > 0).toList();
            if (!toDecide.isEmpty()) {
                model.put("evaluationToDecide", toDecide);
            }
        }
        if (caller.member().isPresent()) {
            List<SelfAssessmentView> mine = assessments.myCycles(caller);
            if (!mine.isEmpty()) {
                model.put("evaluationMyCycles", mine);
            }
            List<StoredRating> ratings = results.mine(caller);
            if (!ratings.isEmpty()) {
                model.put("evaluationMyRating", ratings.get(0));
            }
            myDecision(caller).ifPresent(d -> model.put("evaluationMyDecision", d));
        }
        return model;
    }

    private StaffCycle staffCycle(CycleView cycle, Caller caller) {
        boolean rated = cycle.currentRun().isPresent();
        return new StaffCycle(cycle.id(), cycle.year(), cycle.scopeName(),
                cycle.latestRun().map(RunView::state).orElse(null),
                rated ? calibrations.pendingCases(cycle.id()) : 0, rated ? decisions.toSign(cycle.id(), caller) : 0,
                rated ? appeals.toDecide(cycle.id(), caller) : 0);
    }

    /** The lists and appeals of an open cycle the secretary's committee decides (none before the first run). */
    private ToDecide toDecide(CycleView cycle, Caller caller) {
        if (cycle.currentRun().isEmpty()) {
            return new ToDecide(cycle.id(), cycle.year(), 0, 0);
        }
        return new ToDecide(cycle.id(), cycle.year(), decisions.toSign(cycle.id(), caller),
                appeals.toDecide(cycle.id(), caller));
    }

    /**
     * The level decided for the member's latest decided year, with the appeal window while it is open and their
     * appeal of that year (being re-examined, or decided).
     */
    private Optional<MyDecision> myDecision(Caller caller) {
        List<DecidedRating> decided = appeals.myDecidedRatings(caller);
        if (decided.isEmpty()) {
            return Optional.empty();
        }
        DecidedRating latest = decided.get(0);
        Map<String, Level> scale = new LinkedHashMap<>();
        appeals.scale(latest.cycle(), Proposal.Subject.MEMBER).forEach(l -> scale.put(l.code(), l));
        Optional<AppealView> appeal = appeals.mine(caller).stream()
                .filter(a -> a.cycle().equals(latest.cycle())).findFirst();
        return Optional.of(new MyDecision(latest.cycle(), latest.year(), latest.level(), scale.get(latest.level()),
                latest.appealable() ? latest.lastDay() : null, appeal.map(AppealView::status).orElse(null),
                appeal.map(AppealView::outcome).orElse(null),
                appeal.map(a -> scale.get(a.levelAfter() != null ? a.levelAfter() : a.levelBefore())).orElse(null)));
    }

    private List<CycleView> openCycles(Caller caller) {
        return cycles.list(caller).stream().filter(c -> c.status() == CycleStatus.OPEN).toList();
    }

    /**
     * A cycle holding the secretary's organization counts its members; a cycle of an organization below it (a bloc
     * secretary's grassroots cycle) counts that organization's.
     */
    private List<ChapterCycle> chapterCycles(List<CycleView> open, Caller caller, UUID root) {
        return open.stream().flatMap(cycle -> {
            UUID where = !cycle.scope().equals(root) && access.mayChange(caller, new OrganizationId(cycle.scope()))
                    ? cycle.scope() : root;
            return overview(cycle, where, caller).stream();
        }).toList();
    }

    /**
     * An organization the cycle's tree did not hold at the year's end (registered since) has nobody to self-assess
     * in it: the home page leaves that cycle out rather than fail.
     */
    private Optional<ChapterCycle> overview(CycleView cycle, UUID organization, Caller caller) {
        try {
            SelfAssessmentOverview overview = assessments.overview(cycle.id(), organization, caller);
            long notSubmitted = overview.rows().size() - overview.count(SelfAssessmentStatus.SUBMITTED);
            boolean deadlinePassed = overview.deadline() != null
                    && LocalDate.ofInstant(clock.instant(), clock.getZone()).isAfter(overview.deadline());
            return Optional.of(new ChapterCycle(cycle.id(), cycle.year(), overview.organization(),
                    overview.organizationName(), overview.rows().size(), notSubmitted, overview.deadline(),
                    deadlinePassed && notSubmitted > 0, deadlinePassed ? 0 : remindersDue(overview)));
        } catch (Refused refused) {
            return Optional.empty();
        }
    }

    /**
     * The members who have not submitted and were never reminded or not for a while (after the deadline nobody is:
     * they may no longer submit).
     */
    private long remindersDue(SelfAssessmentOverview overview) {
        Instant before = clock.instant().minus(remindAgainAfter);
        return overview.rows().stream().filter(r -> r.status() != SelfAssessmentStatus.SUBMITTED)
                .filter(r -> r.remindedAt() == null || r.remindedAt().isBefore(before)).count();
    }

    /** The members of the organization the chapter has not proposed a level for yet (none: no line). */
    private Optional<ToPropose> toPropose(ChapterCycle cycle, Caller caller) {
        try {
            ReviewList list = reviews.list(cycle.id(), cycle.organization(), caller);
            long missing = list.withoutProposal();
            return missing == 0 ? Optional.empty() : Optional.of(new ToPropose(cycle.id(), cycle.year(),
                    list.organization(), list.organizationName(), list.rows().size(), missing));
        } catch (Refused refused) {
            return Optional.empty();
        }
    }

    /** The unanswered comment requests addressed to the secretary's chapters, by open cycle. */
    private List<ToAnswer> toAnswer(Caller caller) {
        Map<UUID, ToAnswer> byCycle = new LinkedHashMap<>();
        for (CommentRequestView request : reviews.toAnswer(caller)) {
            byCycle.merge(request.cycle(), new ToAnswer(request.cycle(), request.year(), 1),
                    (a, b) -> new ToAnswer(a.id(), a.year(), a.requests() + 1));
        }
        return List.copyOf(byCycle.values());
    }

    /** An open cycle where members of the secretary's organization wait for the chapter's proposal. */
    record ToPropose(UUID id, int year, UUID organization, String organizationName, int members, long toPropose) {
    }

    /** An open cycle with comments other chapters asked of the secretary's. */
    record ToAnswer(UUID id, int year, int requests) {
    }

    /** An open cycle with lists the secretary's committee signs and appeals it decides. */
    record ToDecide(UUID id, int year, int toSign, int appeals) {
    }

    /**
     * An open cycle for evaluation staff.
     *
     * @param latestRun    the latest run's state, {@code null} before the first run
     * @param calibrations the quota cases of the current run not decided yet (0 before the first run that succeeded)
     * @param toSign       the lists of the current run not signed whose competent level the caller is
     * @param appeals      the appeals being re-examined whose competent level the caller is
     */
    record StaffCycle(UUID id, int year, String scopeName, RunState latestRun, int calibrations, int toSign,
            int appeals) {
    }

    /**
     * An open cycle holding a secretary's organization, with how many of its members have not submitted.
     *
     * @param deadlinePassed the deadline passed with members who have not submitted
     * @param remindersDue   those not submitted never reminded or last reminded long enough ago
     */
    record ChapterCycle(UUID id, int year, UUID organization, String organizationName, int members,
            long notSubmitted, LocalDate deadline, boolean deadlinePassed, long remindersDue) {
    }

    /**
     * The member's latest decided year.
     *
     * @param level         the decided level's code ({@code null}: not rated) and {@code scaleLevel} its labels
     * @param appealUntil   the last day to appeal while the member may, else {@code null}
     * @param appeal        their appeal of that year's status, {@code null} without one
     * @param appealLevel   the level the appeal left (kept or changed to), once decided
     */
    record MyDecision(UUID cycle, int year, String level, Level scaleLevel, LocalDate appealUntil,
            AppealStatus appeal, AppealOutcome outcome, Level appealLevel) {
    }
}
