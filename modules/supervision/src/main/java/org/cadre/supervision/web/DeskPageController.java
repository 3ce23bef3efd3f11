package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.FollowUpReminder;
import org.cadre.supervision.HeadsDesk;
import org.cadre.supervision.RemindMember;
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

/**
 * The head's desk of an organization: overdue commitments with the reminder they suggest, reminders past due
 * without follow-up, open findings; and the forms to remind and to follow up.
 */
@Controller
class DeskPageController {

    private final HeadsDesk heads;
    private final org.cadre.supervision.Reminders reminders;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    DeskPageController(HeadsDesk heads, org.cadre.supervision.Reminders reminders, OrganizationAccess access,
            Pages pages, Clock clock) {
        this.heads = heads;
        this.reminders = reminders;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/desk")
    @ReadsSupervision
    String desk(@RequestParam(required = false) UUID organization, Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("desk", heads.desk(root, caller));
        model.addAttribute("open", reminders.within(root, true, caller));
        model.addAttribute("today", today);
        model.addAttribute("canChange", access.mayChange(caller, root));
        return "supervision/desk";
    }

    @PostMapping("/supervision/reminders")
    @ChangesSupervision
    @PageForm(page = "/supervision/desk?organization={organizationId}", form = "remind-form")
    String remind(@RequestParam UUID organizationId, @RequestParam UUID memberId,
            @RequestParam(required = false) String about, @RequestParam(required = false) UUID commitmentItem,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate remindedOn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        reminders.remind(new RemindMember(memberId, about, commitmentItem, remindedOn, dueOn), caller);
        return pages.saved("/supervision/desk?organization=" + organizationId, locale, redirect);
    }

    @PostMapping("/supervision/reminders/{id}/follow-up")
    @ChangesSupervision
    @PageForm(page = "/supervision/desk?organization={organizationId}", form = "follow-up-form")
    String followUp(@PathVariable UUID id, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) String note,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        reminders.followUp(id, new FollowUpReminder(on, done, note), caller);
        return pages.saved("/supervision/desk?organization=" + organizationId, locale, redirect);
    }
}
