package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.Feedback;
import org.cadre.supervision.GiveFeedback;
import org.cadre.supervision.ReviewerDesk;
import org.cadre.supervision.Stance;
import org.cadre.supervision.web.SupervisionRoles.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer's start page: their coordinating body and its remit, the open requests for comments with their
 * deadlines, and a form to answer each (one column, usable on a phone).
 */
@Controller
class ReviewerPageController {

    private final Feedback feedback;
    private final org.cadre.organizations.Members members;
    private final Pages pages;
    private final Clock clock;

    ReviewerPageController(Feedback feedback, org.cadre.organizations.Members members, Pages pages, Clock clock) {
        this.feedback = feedback;
        this.members = members;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/reviewer")
    @Reviews
    String desk(Caller caller, Model model) {
        ReviewerDesk desk = feedback.desk(caller);
        LocalDate today = LocalDate.now(clock);
        List<OrganizationSummary> subjects = new ArrayList<>();
        desk.remit().forEach(root -> {
            subjects.add(root);
            pages.chapters(root.id(), today).stream().filter(c -> !c.id().equals(root.id())).forEach(subjects::add);
        });
        model.addAttribute("desk", desk);
        model.addAttribute("subjects", subjects);
        model.addAttribute("stances", Stance.values());
        model.addAttribute("today", today);
        return "supervision/reviewer";
    }

    @PostMapping("/supervision/reviewer/comments")
    @Reviews
    @PageForm(page = "/supervision/reviewer", form = "comment-form")
    String comment(@RequestParam(required = false) UUID requestId, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) String cardNumber, @RequestParam int year,
            @RequestParam(required = false) Stance stance, @RequestParam(required = false) String text, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        // a member by card number (their organization must be in the body's remit), or else the organization chosen
        UUID member = cardNumber == null || cardNumber.isBlank() ? null
                : members.findByCard(cardNumber.strip()).map(m -> m.id().value())
                        .orElseThrow(() -> new org.cadre.platform.Refused(
                                org.cadre.supervision.SupervisionRefusal.MEMBER_UNKNOWN, cardNumber.strip()));
        feedback.comment(new GiveFeedback(requestId, member == null ? organizationId : null, member, year, stance,
                text), caller);
        return pages.saved("/supervision/reviewer", locale, redirect);
    }
}
