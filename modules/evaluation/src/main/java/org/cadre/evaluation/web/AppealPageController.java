package org.cadre.evaluation.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.DecideAppeal;
import org.cadre.evaluation.FileAppeal;
import org.cadre.evaluation.web.EvaluationRoles.HandlesAppeals;
import org.cadre.evaluation.web.EvaluationRoles.SetsAppealWindow;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appeals of a cycle for evaluation staff, secretaries and the competent levels: the list with its statuses (a
 * secretary files their organization's appeal here; staff set the window), and one appeal with its grounds, the link
 * to the rating's explanation, every step, a note of the re-examination and the decision.
 */
@Controller
class AppealPageController {

    private static final String LIST = "/evaluation/cycles/{cycle}/appeals";
    private static final String ONE = LIST + "/{appeal}";

    private final Appeals appeals;
    private final MessageSource messages;

    AppealPageController(Appeals appeals, MessageSource messages) {
        this.appeals = appeals;
        this.messages = messages;
    }

    @GetMapping(LIST)
    @HandlesAppeals
    String list(@PathVariable UUID cycle, Caller caller, Model model, Locale locale) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("appeals", appeals.list(cycle, caller));
        model.addAttribute("organizations", appeals.appealableOrganizations(cycle, caller));
        model.addAttribute("windowDays", appeals.windowDays(cycle, caller));
        model.addAttribute("setsWindow", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
        model.addAttribute("levels", labels(cycle, locale));
        model.addAttribute("organizationScale", appeals.scale(cycle, Proposal.Subject.ORGANIZATION));
        return "evaluation/appeals/list";
    }

    /** An organization's appeal: the organization is named; who may file for it is the service's to check. */
    @PostMapping(LIST)
    @HandlesAppeals
    @PageForm(page = LIST, form = "organization-appeal-form")
    String file(@PathVariable UUID cycle, @RequestParam UUID organization,
            @RequestParam(required = false) String grounds, @RequestParam(required = false) String requestedLevel,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        AppealView filed = appeals.file(cycle, new FileAppeal(organization, grounds, requestedLevel), caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.appeals.filed", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/appeals/" + filed.id();
    }

    @PostMapping(LIST + "/window")
    @SetsAppealWindow
    @PageForm(page = LIST, form = "window-form")
    String window(@PathVariable UUID cycle, @RequestParam(required = false) Integer days, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        appeals.setWindowDays(cycle, days == null ? 0 : days, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.appeals.windowSaved", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/appeals";
    }

    @GetMapping(ONE)
    @HandlesAppeals
    String one(@PathVariable UUID cycle, @PathVariable UUID appeal, Caller caller, Model model, Locale locale) {
        AppealView found = appeals.find(cycle, appeal, caller);
        model.addAttribute("appeal", found);
        model.addAttribute("scale", appeals.scale(cycle, found.subjectKind()));
        model.addAttribute("levels", labels(cycle, found.subjectKind(), locale));
        return "evaluation/appeals/appeal";
    }

    @PostMapping(ONE + "/notes")
    @HandlesAppeals
    @PageForm(page = ONE, form = "note-form")
    String note(@PathVariable UUID cycle, @PathVariable UUID appeal, @RequestParam(required = false) String text,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        appeals.note(cycle, appeal, text, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.appeals.noted", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/appeals/" + appeal;
    }

    @PostMapping(ONE + "/decision")
    @HandlesAppeals
    @PageForm(page = ONE, form = "decide-form")
    String decide(@PathVariable UUID cycle, @PathVariable UUID appeal,
            @RequestParam(required = false) AppealOutcome outcome, @RequestParam(required = false) String level,
            @RequestParam(required = false) String reason, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        appeals.decide(cycle, appeal, new DecideAppeal(outcome, level, reason), caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.appeals.decided", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/appeals/" + appeal;
    }

    private Map<String, String> labels(UUID cycle, Locale locale) {
        Map<String, String> out = labels(cycle, Proposal.Subject.ORGANIZATION, locale);
        out.putAll(labels(cycle, Proposal.Subject.MEMBER, locale));
        return out;
    }

    private Map<String, String> labels(UUID cycle, Proposal.Subject kind, Locale locale) {
        Map<String, String> out = new HashMap<>();
        appeals.scale(cycle, kind).forEach(l -> out.put(l.code(), l.label(locale.getLanguage())));
        return out;
    }
}
