package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.Feedback;
import org.cadre.supervision.RequestFeedback;
import org.cadre.supervision.web.SupervisionRoles.ChangesSupervision;
import org.cadre.supervision.web.SupervisionRoles.ReadsSupervision;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The committee's requests for comments for a year, who has answered, the comments; the form to ask bodies. */
@Controller
class FeedbackPageController {

    private final Feedback feedback;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    FeedbackPageController(Feedback feedback, Organizations organizations, OrganizationAccess access, Pages pages,
            Clock clock) {
        this.feedback = feedback;
        this.organizations = organizations;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/feedback")
    @ReadsSupervision
    String list(@RequestParam(required = false) UUID organization, @RequestParam(required = false) Integer year,
            Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        LocalDate today = LocalDate.now(clock);
        int shown = year == null ? today.getYear() : year;
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("year", shown);
        model.addAttribute("requests", feedback.requests(root, shown, caller));
        model.addAttribute("comments", feedback.comments(root, shown, caller));
        model.addAttribute("bodies", organizations.coordinatingBodies());
        model.addAttribute("today", today);
        model.addAttribute("canChange", access.mayChange(caller, root));
        return "supervision/feedback";
    }

    @PostMapping("/supervision/feedback/requests")
    @ChangesSupervision
    @PageForm(page = "/supervision/feedback?organization={organizationId}", form = "request-form")
    String request(@RequestParam UUID organizationId, @RequestParam int year,
            @RequestParam(name = "bodies", required = false) List<UUID> bodies,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(required = false) String note, Caller caller, Locale locale, RedirectAttributes redirect) {
        feedback.request(new RequestFeedback(organizationId, year, bodies == null ? List.of() : bodies, deadline,
                note), caller);
        return pages.saved("/supervision/feedback?organization=" + organizationId + "&year=" + year, locale,
                redirect);
    }
}
