package org.cadre.evaluation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
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
import org.springframework.stereotype.Component;

/**
 * What waits for the caller in evaluation, on the home page, each line a link to where it is: evaluation staff see the
 * open cycles (latest run, quota cases of the current run); a secretary the open cycles of their organization, how
 * many of its members have not self-assessed, how many still wait for the chapter's proposal, and the comments other
 * chapters asked of theirs; a member their open self-assessments and latest rating. A reviewer
 * sees nothing here (their comments are requested elsewhere), and nobody sees a line for what does not exist yet.
 *
 * <p>Cheap on purpose (the home page is the busiest page): the quota cases are counted by the cycle list's own run
 * query, the secretary's counts come from one overview and one review list per open cycle and one query for the
 * comment requests, never a query per member.
 */
@Component
class EvaluationHomeSection implements HomeSection {

    private final Cycles cycles;
    private final CycleResults results;
    private final SelfAssessments assessments;
    private final ChapterReviews reviews;
    private final OrganizationAccess access;

    EvaluationHomeSection(Cycles cycles, CycleResults results, SelfAssessments assessments, ChapterReviews reviews,
            OrganizationAccess access) {
        this.cycles = cycles;
        this.results = results;
        this.assessments = assessments;
        this.reviews = reviews;
        this.access = access;
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
            List<StaffCycle> open = openCycles(caller).stream().map(StaffCycle::of).toList();
            if (!open.isEmpty()) {
                model.put("evaluationStaffCycles", open);
            }
        } else if (caller.organizationScope().isPresent()) {
            List<ChapterCycle> open = chapterCycles(caller, caller.organizationScope().get());
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
        }
        return model;
    }

    private List<CycleView> openCycles(Caller caller) {
        return cycles.list(caller).stream().filter(c -> c.status() == CycleStatus.OPEN).toList();
    }

    /**
     * A cycle holding the secretary's organization counts its members; a cycle of an organization below it (a bloc
     * secretary's grassroots cycle) counts that organization's.
     */
    private List<ChapterCycle> chapterCycles(Caller caller, UUID root) {
        return openCycles(caller).stream().flatMap(cycle -> {
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
            var overview = assessments.overview(cycle.id(), organization, caller);
            return Optional.of(new ChapterCycle(cycle.id(), cycle.year(), overview.organization(),
                    overview.organizationName(), overview.rows().size(),
                    overview.rows().size() - overview.count(SelfAssessmentStatus.SUBMITTED), overview.deadline()));
        } catch (Refused refused) {
            return Optional.empty();
        }
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

    /**
     * An open cycle for evaluation staff.
     *
     * @param latestRun    the latest run's state, {@code null} before the first run
     * @param calibrations the quota cases of the current run (0 before the first run that succeeded)
     */
    record StaffCycle(UUID id, int year, String scopeName, RunState latestRun, int calibrations) {

        static StaffCycle of(CycleView cycle) {
            return new StaffCycle(cycle.id(), cycle.year(), cycle.scopeName(),
                    cycle.latestRun().map(RunView::state).orElse(null),
                    cycle.currentRun().map(RunView::calibrations).orElse(0));
        }
    }

    /** An open cycle holding a secretary's organization, with how many of its members have not submitted. */
    record ChapterCycle(UUID id, int year, UUID organization, String organizationName, int members,
            long notSubmitted, LocalDate deadline) {
    }
}
