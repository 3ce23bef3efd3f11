package org.cadre.commitments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.AdoptProgramme;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.CreateProgramme;
import org.cadre.commitments.ProgrammeItemStatus;
import org.cadre.commitments.ProgrammeTask;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RecordReview;
import org.cadre.commitments.RegulationKind;
import org.cadre.commitments.ReviewDecision;
import org.cadre.commitments.Study;
import org.cadre.commitments.web.CommitmentRoles.ChangesChapter;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.commitments.CommitmentEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A grassroots organization's action programmes (tasks, the two signatures) and its regulation-review log. The
 * adoption form offers the organization's secretaries and agency heads as organizations records them.
 */
@Controller
class ProgrammePageController {

    private final Edits edits;

    private final ActionProgrammes programmes;
    private final Study study;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    ProgrammePageController(ActionProgrammes programmes, Study study, Organizations organizations,
            OrganizationAccess access, Pages pages, Clock clock, Edits edits) {
        this.edits = edits;
        this.programmes = programmes;
        this.study = study;
        this.organizations = organizations;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/commitments/programmes")
    @ReadsCommitments
    String organization(@RequestParam(required = false) UUID organization,
            @RequestParam(required = false) Integer year, Caller caller, Model model) {
        OrganizationId id = pages.organization(organization, caller);
        LocalDate today = LocalDate.now(clock);
        int shown = year == null ? today.getYear() : year;
        model.addAttribute("organizationId", id);
        model.addAttribute("organizationName", pages.name(id));
        model.addAttribute("programmes", programmes.of(id));
        model.addAttribute("year", shown);
        model.addAttribute("reviews", programmes.reviews(id, shown));
        model.addAttribute("resolutions", study.resolutions());
        model.addAttribute("canChange", access.mayChange(caller, id));
        model.addAttribute("kinds", RegulationKind.values());
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("today", today);
        return "commitments/programmes";
    }

    @GetMapping("/commitments/programmes/{id}")
    @ReadsCommitments
    String programme(@PathVariable UUID id, Caller caller, Model model) {
        ProgrammeView programme = programmes.find(id)
                .orElseThrow(() -> new Refused(CommitmentsRefusal.PROGRAMME_UNKNOWN, id));
        if (!access.maySee(caller, programme.organization())) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_CHAPTER);
        }
        model.addAttribute("programme", programme);
        // each task's status form carries the version it was loaded with: a secretary's save in between is refused
        Map<String, EditVersion> versions = edits.current(programme.tasks().stream()
                .map(t -> CommitmentEdits.programmeTask(t.id())).toList());
        model.addAttribute("taskVersions", programme.tasks().stream().collect(Collectors.toMap(
                ProgrammeView.Task::id, t -> versions.get(CommitmentEdits.programmeTask(t.id())))));
        model.addAttribute("organizationName", pages.name(programme.organization()));
        boolean canChange = access.mayChange(caller, programme.organization());
        model.addAttribute("canChange", canChange);
        model.addAttribute("statuses", ProgrammeItemStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (canChange) {
            var roles = organizations.roles(programme.organization(), null);
            model.addAttribute("secretaries", roles.stream().filter(r -> r.role() == OrganizationRole.SECRETARY)
                    .toList());
            model.addAttribute("heads", roles.stream().filter(r -> r.role() == OrganizationRole.AGENCY_HEAD)
                    .toList());
        }
        return "commitments/programme";
    }

    @PostMapping("/commitments/programmes")
    @ChangesChapter
    @PageForm(page = "/commitments/programmes?organization={organizationId}", form = "programme-form")
    String create(@RequestParam UUID organizationId, @RequestParam UUID resolutionId, @RequestParam int year,
            @RequestParam(required = false) String title, Caller caller, Locale locale, RedirectAttributes redirect) {
        UUID id = programmes.create(new CreateProgramme(organizationId, resolutionId, year, title), caller);
        return pages.saved("/commitments/programmes/" + id, locale, redirect);
    }

    @PostMapping("/commitments/programmes/{id}/tasks")
    @ChangesChapter
    @PageForm(page = "/commitments/programmes/{id}", form = "task-form")
    String task(@PathVariable UUID id, @RequestParam(required = false) String task,
            @RequestParam(required = false) String responsible,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        programmes.addTask(id, new ProgrammeTask(task, responsible, deadline), caller);
        return pages.saved("/commitments/programmes/" + id, locale, redirect);
    }

    @PostMapping("/commitments/programmes/{id}/tasks/{task}")
    @ChangesChapter
    @PageForm(page = "/commitments/programmes/{id}", form = "tasks")
    String taskStatus(@PathVariable UUID id, @PathVariable UUID task, @RequestParam ProgrammeItemStatus status,
            EditVersion loaded, Caller caller, Locale locale, RedirectAttributes redirect) {
        programmes.progress(id, task, status, loaded, caller);
        return pages.saved("/commitments/programmes/" + id, locale, redirect);
    }

    @PostMapping("/commitments/programmes/{id}/adopt")
    @ChangesChapter
    @PageForm(page = "/commitments/programmes/{id}", form = "adopt-form")
    String adopt(@PathVariable UUID id, @RequestParam(required = false) UUID committeeSigner,
            @RequestParam(required = false) UUID agencyHeadSigner,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        programmes.adopt(id, new AdoptProgramme(committeeSigner, agencyHeadSigner, on), caller);
        return pages.saved("/commitments/programmes/" + id, locale, redirect);
    }

    @PostMapping("/commitments/reviews")
    @ChangesChapter
    @PageForm(page = "/commitments/programmes?organization={organizationId}", form = "review-form")
    String review(@RequestParam UUID organizationId, @RequestParam(required = false) String title,
            @RequestParam RegulationKind kind, @RequestParam ReviewDecision decision,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn,
            @RequestParam(required = false) String note, Caller caller, Locale locale, RedirectAttributes redirect) {
        programmes.recordReview(new RecordReview(organizationId, title, kind, decision, reviewedOn, note), caller);
        return pages.saved("/commitments/programmes?organization=" + organizationId + "&year="
                + reviewedOn.getYear(), locale, redirect);
    }
}
