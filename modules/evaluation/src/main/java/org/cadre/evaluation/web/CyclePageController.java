package org.cadre.evaluation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.StoredRating;
import org.cadre.evaluation.web.EvaluationRoles.ReadsCycles;
import org.cadre.evaluation.web.EvaluationRoles.ReadsRatings;
import org.cadre.evaluation.web.EvaluationRoles.ReopensCycles;
import org.cadre.evaluation.web.EvaluationRoles.RunsCycles;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of cycles: the list with the form to open one, a cycle with its run (a progress bar per grassroots
 * organization while it runs) and its results, the ratings within an organization, and "why this rating" (a member's
 * own ratings by year are {@link MyRatingsPageController}'s, with their appeals).
 */
@Controller
class CyclePageController {

    private final Cycles cycles;
    private final CycleResults results;
    private final Jobs jobs;
    private final RulePackRegistry registry;
    private final MessageSource messages;
    private final OrganizationAccess access;
    private final Calibrations calibrations;
    private final Decisions decisions;
    private final Appeals appeals;

    CyclePageController(Cycles cycles, CycleResults results, Jobs jobs, RulePackRegistry registry,
            MessageSource messages, OrganizationAccess access, Calibrations calibrations, Decisions decisions,
            Appeals appeals) {
        this.cycles = cycles;
        this.results = results;
        this.jobs = jobs;
        this.registry = registry;
        this.messages = messages;
        this.access = access;
        this.calibrations = calibrations;
        this.decisions = decisions;
        this.appeals = appeals;
    }

    @GetMapping("/evaluation/cycles")
    @ReadsCycles
    String cycles(Caller caller, Model model) {
        model.addAttribute("cycles", cycles.list(caller));
        boolean staff = caller.hasAny(Role.ADMIN, Role.EVALUATOR);
        model.addAttribute("canOpen", staff);
        if (staff) {
            model.addAttribute("scopes", cycles.scopes());
        }
        return "evaluation/cycles";
    }

    @PostMapping("/evaluation/cycles")
    @RunsCycles
    @PageForm(page = "/evaluation/cycles", form = "open-cycle")
    String open(@RequestParam int year, @RequestParam UUID scope, Caller caller) {
        CycleView cycle = cycles.open(new OpenCycle(year, scope), caller);
        return "redirect:/evaluation/cycles/" + cycle.id();
    }

    @GetMapping("/evaluation/cycles/{id}")
    @ReadsCycles
    String cycle(@PathVariable UUID id, Caller caller, Model model, Locale locale) {
        CycleView cycle = cycles.find(id, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        model.addAttribute("cycle", cycle);
        model.addAttribute("canRun", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
        model.addAttribute("canReopen", caller.has(Role.ADMIN));
        model.addAttribute("history", cycles.history(id, caller));
        model.addAttribute("canReadPacks", caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.RULE_ADMIN));
        // the page links only where the caller may go: a chapter's secretary to their own part of the results
        model.addAttribute("resultsRoot", resultsRoot(cycle, caller));
        // the whole scope's report as the report itself checks it (a secretary's own subtree)
        model.addAttribute("wholeScope", caller.hasAny(Role.ADMIN, Role.EVALUATOR) || caller.has(Role.SECRETARY)
                && access.mayChange(caller, new OrganizationId(cycle.scope())));
        model.addAttribute("runs", cycles.runs(id, caller));
        addRunStatus(cycle, model, locale);
        Map<Proposal.Subject, Map<String, Integer>> counts = results.counts(id);
        model.addAttribute("counts", countRows(cycle, counts, locale));
        model.addAttribute("calibrationCases", results.calibrations(id, caller));
        model.addAttribute("canHandleAppeals", caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY));
        boolean mayClose = caller.hasAny(Role.ADMIN, Role.EVALUATOR) && cycle.status().name().equals("OPEN");
        if (mayClose) {
            model.addAttribute("unfinished", new Unfinished(calibrations.pendingCases(id),
                    decisions.unsignedLists(id), appeals.openAppeals(id)));
        }
        return "evaluation/cycle";
    }

    @PostMapping("/evaluation/cycles/{id}/runs")
    @RunsCycles
    @PageForm(page = "/evaluation/cycles/{id}", form = "run-form")
    String classify(@PathVariable UUID id, Caller caller) {
        cycles.classify(id, caller);
        return "redirect:/evaluation/cycles/" + id;
    }

    @PostMapping("/evaluation/cycles/{id}/close")
    @RunsCycles
    @PageForm(page = "/evaluation/cycles/{id}", form = "close-form")
    String close(@PathVariable UUID id, Caller caller) {
        cycles.close(id, caller);
        return "redirect:/evaluation/cycles/" + id;
    }

    @PostMapping("/evaluation/cycles/{id}/reopen")
    @ReopensCycles
    @PageForm(page = "/evaluation/cycles/{id}", form = "reopen-form")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason, Caller caller) {
        cycles.reopen(id, reason, caller);
        return "redirect:/evaluation/cycles/" + id;
    }

    /** The run's progress, polled by the cycle's page while it runs; when it ends the page reloads. */
    @GetMapping("/evaluation/cycles/{id}/run-status")
    @ReadsCycles
    String runStatus(@PathVariable UUID id, Caller caller, Model model, Locale locale,
            HttpServletResponse response) {
        CycleView cycle = cycles.find(id, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        model.addAttribute("cycle", cycle);
        Job job = addRunStatus(cycle, model, locale);
        if (job == null || job.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "evaluation/cycle :: run-status";
    }

    @GetMapping("/evaluation/cycles/{id}/organizations/{organization}")
    @ReadsCycles
    String within(@PathVariable UUID id, @PathVariable UUID organization, Caller caller, Model model) {
        CycleView cycle = cycles.find(id, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        List<StoredRating> ratings = results.within(id, organization, caller);
        model.addAttribute("cycle", cycle);
        model.addAttribute("self", ratings.stream().filter(r -> r.subjectId().equals(organization)).findFirst()
                .orElse(null));
        model.addAttribute("organizations", ratings.stream()
                .filter(r -> r.subject() == Proposal.Subject.ORGANIZATION && !r.subjectId().equals(organization))
                .toList());
        model.addAttribute("members", ratings.stream().filter(r -> r.subject() == Proposal.Subject.MEMBER).toList());
        model.addAttribute("organizationId", organization);
        model.addAttribute("canSeeParent", ratings.stream().filter(r -> r.subjectId().equals(organization))
                .findFirst().map(StoredRating::organization).filter(parent -> maySee(caller, parent)).isPresent());
        return "evaluation/within";
    }

    @GetMapping("/evaluation/cycles/{id}/ratings/{subject}")
    @ReadsRatings
    String why(@PathVariable UUID id, @PathVariable UUID subject, Caller caller, Model model, Locale locale) {
        StoredRating rating = results.rating(id, subject, caller);
        model.addAttribute("why", WhyView.of(rating, registry, messages, locale));
        model.addAttribute("canSeeCycle", caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY));
        model.addAttribute("canSeeOrganization", rating.organization() != null
                && caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY) && maySee(caller, rating.organization()));
        return "evaluation/why";
    }

    /**
     * Where the caller's results start: the cycle's scope for evaluation staff and for a secretary whose subtree holds
     * it; a secretary working inside the scope starts at their own organization.
     */
    private UUID resultsRoot(CycleView cycle, Caller caller) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR) || maySee(caller, cycle.scope())) {
            return cycle.scope();
        }
        return caller.organizationScope().orElse(cycle.scope());
    }

    private boolean maySee(Caller caller, UUID organization) {
        return caller.hasAny(Role.ADMIN, Role.EVALUATOR)
                || caller.has(Role.SECRETARY) && access.maySee(caller, new OrganizationId(organization));
    }

    /** The latest run's job, for the progress bar, or null when no run was ever started. */
    private Job addRunStatus(CycleView cycle, Model model, Locale locale) {
        RunView latest = cycle.latestRun().orElse(null);
        model.addAttribute("latest", latest);
        if (latest == null || latest.job() == null) {
            return null;
        }
        Job job = jobs.find(new JobId(latest.job())).orElse(null);
        model.addAttribute("job", job);
        if (job != null && job.problemKey() != null) {
            model.addAttribute("failure", messages.getMessage(job.problemKey(), job.problemArguments().toArray(),
                    job.problemKey(), locale));
        }
        return job;
    }

    /** Rows of the results summary: per subject, each level of the pinned pack's scale with its label and count. */
    private List<CountRow> countRows(CycleView cycle, Map<Proposal.Subject, Map<String, Integer>> counts,
            Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        Map<String, List<RulePackRegistry.Level>> scales = registry.scales(cycle.packId(), cycle.packVersion());
        List<CountRow> rows = new ArrayList<>();
        for (Proposal.Subject subject : Proposal.Subject.values()) {
            Map<String, Integer> bySubject = counts.getOrDefault(subject, Map.of());
            if (bySubject.isEmpty()) {
                continue;
            }
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (RulePackRegistry.Level level : scales.getOrDefault(subject.name(), List.of())) {
                ordered.put(level.label(language) + " (" + level.code() + ")", bySubject.getOrDefault(level.code(),
                        0));
            }
            ordered.put(messages.getMessage("evaluation.cycle.excluded", null, locale),
                    bySubject.getOrDefault("EXCLUDED", 0));
            ordered.put(messages.getMessage("evaluation.cycle.pending", null, locale),
                    bySubject.getOrDefault("PENDING", 0));
            int total = bySubject.values().stream().mapToInt(Integer::intValue).sum();
            rows.add(new CountRow(subject, ordered, total));
        }
        return rows;
    }

    /**
     * What the year-end workflow still has open when someone is about to close the cycle. Closing stays allowed (a
     * year may have to be closed unfinished), but whoever closes it sees what will stay undone.
     */
    record Unfinished(int openCases, int unsignedLists, int openAppeals) {

        public boolean any() {
            return openCases + unsignedLists + openAppeals > 0;
        }
    }

    record CountRow(Proposal.Subject subject, Map<String, Integer> levels, int total) {
    }
}
