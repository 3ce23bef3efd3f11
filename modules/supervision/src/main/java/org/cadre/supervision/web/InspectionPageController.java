package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.ConcludeInspection;
import org.cadre.supervision.FindingNature;
import org.cadre.supervision.InspectionKind;
import org.cadre.supervision.InspectionPlan;
import org.cadre.supervision.Inspections;
import org.cadre.supervision.OpenInspection;
import org.cadre.supervision.RecordFinding;
import org.cadre.supervision.ResolveFinding;
import org.cadre.supervision.Severity;
import org.cadre.supervision.web.SupervisionRoles.ChangesSupervision;
import org.cadre.supervision.web.SupervisionRoles.ReadsSupervision;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Inspections and supervisions of a subtree with their findings; the forms to open one, record and resolve. */
@Controller
class InspectionPageController {

    private final Inspections inspections;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    InspectionPageController(Inspections inspections, OrganizationAccess access, Pages pages, Clock clock) {
        this.inspections = inspections;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/inspections")
    @ReadsSupervision
    String list(@RequestParam(required = false) UUID organization, Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("inspections", inspections.within(root, caller));
        model.addAttribute("names", pages.labels(root, today));
        model.addAttribute("subjects", pages.organizations(root, today));
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("plans", InspectionPlan.values());
        model.addAttribute("natures", FindingNature.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("today", today);
        model.addAttribute("canChange", access.mayChange(caller, root));
        return "supervision/inspections";
    }

    @PostMapping("/supervision/inspections")
    @ChangesSupervision
    @PageForm(page = "/supervision/inspections?organization={root}", form = "open-form")
    String open(@RequestParam UUID root, @RequestParam(required = false) InspectionKind kind,
            @RequestParam(required = false) InspectionPlan plan, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) String title, @RequestParam(required = false) String team,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        inspections.open(new OpenInspection(kind, plan, organizationId, null, title, team, periodFrom, periodTo,
                openedOn), caller);
        return pages.saved("/supervision/inspections?organization=" + root, locale, redirect);
    }

    @PostMapping("/supervision/inspections/{id}/findings")
    @ChangesSupervision
    @PageForm(page = "/supervision/inspections?organization={root}", form = "finding-form")
    String finding(@PathVariable UUID id, @RequestParam UUID root, @RequestParam(required = false) FindingNature nature,
            @RequestParam(required = false) Severity severity, @RequestParam(required = false) String text,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
            @RequestParam(required = false) String remedy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate remedyDue,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        inspections.recordFinding(id, new RecordFinding(nature, severity, text, recordedOn, remedy, remedyDue),
                caller);
        return pages.saved("/supervision/inspections?organization=" + root, locale, redirect);
    }

    @PostMapping("/supervision/inspections/{id}/conclusion")
    @ChangesSupervision
    @PageForm(page = "/supervision/inspections?organization={root}", form = "conclude-form")
    String conclude(@PathVariable UUID id, @RequestParam UUID root,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String conclusion, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        inspections.conclude(id, new ConcludeInspection(on, conclusion), caller);
        return pages.saved("/supervision/inspections?organization=" + root, locale, redirect);
    }

    @PostMapping("/supervision/findings/{id}/resolution")
    @ChangesSupervision
    @PageForm(page = "/supervision/inspections?organization={root}", form = "resolve-form")
    String resolve(@PathVariable UUID id, @RequestParam UUID root,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note, Caller caller, Locale locale, RedirectAttributes redirect) {
        inspections.resolve(id, new ResolveFinding(on, note), caller);
        return pages.saved("/supervision/inspections?organization=" + root, locale, redirect);
    }
}
