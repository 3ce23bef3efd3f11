package org.cadre.evaluation.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.SelfAssessmentOverview;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.web.EvaluationRoles.FollowsSelfAssessments;
import org.cadre.evaluation.web.EvaluationRoles.SetsSelfAssessmentDeadline;
import org.cadre.evaluation.web.EvaluationRoles.WritesOwnSelfAssessment;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.PageForm;
import org.cadre.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of self-assessment: a member's list of open cycles and their review form (a textarea per heading of the
 * regulation's form, the level to propose, save as draft or submit), and the secretary's list of who has submitted,
 * with reminders and, for evaluation staff, the deadline. A refused form comes back with the reason and the text typed.
 */
@Controller
class SelfAssessmentPageController {

    private final Edits edits;

    private static final String MINE = "/evaluation/cycles/{cycle}/self-assessment";
    private static final String LIST = "/evaluation/cycles/{cycle}/self-assessments";

    private final SelfAssessments assessments;
    private final MessageSource messages;

    SelfAssessmentPageController(SelfAssessments assessments, MessageSource messages, Edits edits) {
        this.edits = edits;
        this.assessments = assessments;
        this.messages = messages;
    }

    @GetMapping("/evaluation/self-assessment")
    @WritesOwnSelfAssessment
    String cycles(Caller caller, Model model) {
        model.addAttribute("cycles", assessments.myCycles(caller));
        return "evaluation/self/cycles";
    }

    @GetMapping(MINE)
    @WritesOwnSelfAssessment
    String mine(@PathVariable UUID cycle, Caller caller, Model model) {
        model.addAttribute("assessment", assessments.mine(cycle, caller));
        // the form carries the version it was loaded with: a save from another device in between is refused
        model.addAttribute("editVersion", caller.member().map(me -> edits.current(EvaluationEdits.selfAssessment(
                cycle, me))).orElse(null));
        return "evaluation/self/mine";
    }

    /** One form, two buttons: {@code action=submit} hands it in, anything else keeps it as a draft. */
    @PostMapping(MINE)
    @WritesOwnSelfAssessment
    @PageForm(page = MINE, form = "self-assessment-form")
    String save(@PathVariable UUID cycle, @RequestParam(required = false) String strengths,
            @RequestParam(required = false) String shortcomings, @RequestParam(required = false) String remedies,
            @RequestParam(required = false) String level, @RequestParam(required = false) String action,
            EditVersion loaded, Caller caller, Locale locale, RedirectAttributes redirect) {
        SelfReview review = new SelfReview(strengths, shortcomings, remedies, level);
        boolean submit = "submit".equals(action);
        if (submit) {
            assessments.submit(cycle, review, loaded, caller);
        } else {
            assessments.saveDraft(cycle, review, loaded, caller);
        }
        redirect.addFlashAttribute("notice", messages.getMessage(submit ? "evaluation.self.submitted"
                : "evaluation.self.saved", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/self-assessment";
    }

    @GetMapping(LIST)
    @FollowsSelfAssessments
    String list(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization, Caller caller,
            Locale locale, Model model) {
        SelfAssessmentOverview overview = assessments.overview(cycle, organization, caller);
        Map<String, String> levels = new HashMap<>();
        overview.scale().forEach(l -> levels.put(l.code(), l.label(locale.getLanguage())));
        model.addAttribute("overview", overview);
        model.addAttribute("levels", levels);
        model.addAttribute("year", String.valueOf(overview.year()));
        model.addAttribute("setsDeadline", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
        return "evaluation/self/list";
    }

    /** Reminds one member ({@code member}) or every member of the organization who has not submitted. */
    @PostMapping(LIST + "/reminders")
    @FollowsSelfAssessments
    @PageForm(page = LIST + "?organization={organization}", form = "remind-form")
    String remind(@PathVariable UUID cycle, @RequestParam UUID organization,
            @RequestParam(required = false) UUID member, Caller caller, Locale locale, RedirectAttributes redirect) {
        int reminded = assessments.remind(cycle, organization, member, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.self.reminded",
                new Object[] {String.valueOf(reminded)}, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/self-assessments?organization=" + organization;
    }

    @PostMapping(LIST + "/deadline")
    @SetsSelfAssessmentDeadline
    @PageForm(page = LIST + "?organization={organization}", form = "deadline-form")
    String deadline(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization,
            @RequestParam(required = false) LocalDate deadline, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        assessments.setDeadline(cycle, deadline, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.self.deadlineSaved", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/self-assessments"
                + (organization == null ? "" : "?organization=" + organization);
    }
}
