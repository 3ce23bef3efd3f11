package org.cadre.evaluation.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.web.EvaluationRoles.DecidesRatings;
import org.cadre.evaluation.web.EvaluationRoles.SetsDecisionAuthority;
import java.util.Map;
import java.util.stream.Collectors;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the decisions of the competent level: the lists of a cycle (with who decides each, which evaluation
 * staff may change), and one list: each subject's levels (the engine's, the proposal after calibration, the
 * self-assessed) with the level to decide and its reason, then the signature; a signed list reads only, with the
 * decision document. A refused form comes back with the reason and what was typed.
 */
@Controller
class DecisionPageController {

    private final Edits edits;

    private static final String LISTS = "/evaluation/cycles/{cycle}/decisions";
    private static final String ONE = LISTS + "/{decision}";

    private final Decisions decisions;
    private final Cycles cycles;
    private final MessageSource messages;

    DecisionPageController(Decisions decisions, Cycles cycles, MessageSource messages, Edits edits) {
        this.edits = edits;
        this.decisions = decisions;
        this.cycles = cycles;
        this.messages = messages;
    }

    @GetMapping(LISTS)
    @DecidesRatings
    String lists(@PathVariable UUID cycle, Caller caller, Model model) {
        CycleView found = cycles.find(cycle, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        List<DecisionSummary> lists = decisions.lists(cycle, caller);
        model.addAttribute("cycle", found);
        model.addAttribute("lists", lists);
        model.addAttribute("setsAuthority", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
        return "evaluation/decisions/lists";
    }

    @PostMapping(LISTS + "/authority")
    @SetsDecisionAuthority
    @PageForm(page = LISTS, form = "authority-form")
    String authority(@PathVariable UUID cycle, @RequestParam UUID organization, @RequestParam String kind,
            @RequestParam(required = false) UUID competent, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        decisions.setAuthority(cycle, organization, kind, competent, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.decisions.authority.saved", null,
                locale));
        return "redirect:/evaluation/cycles/" + cycle + "/decisions";
    }

    @GetMapping(ONE)
    @DecidesRatings
    String decision(@PathVariable UUID cycle, @PathVariable UUID decision, Caller caller, Model model) {
        DecisionView view = decisions.decision(cycle, decision, caller);
        model.addAttribute("d", view);
        // each row's form carries the version of that subject's decision: another evaluator's save in between is
        // refused instead of overwritten
        Map<String, EditVersion> versions = edits.current(view.items().stream()
                .map(i -> EvaluationEdits.decisionItem(decision, i.subject())).toList());
        model.addAttribute("itemVersions", view.items().stream().collect(Collectors.toMap(i -> i.subject(),
                i -> versions.get(EvaluationEdits.decisionItem(decision, i.subject())))));
        model.addAttribute("year", String.valueOf(view.year()));
        return "evaluation/decisions/decision";
    }

    @PostMapping(ONE + "/items")
    @DecidesRatings
    @PageForm(page = ONE, form = "decide-form")
    String decide(@PathVariable UUID cycle, @PathVariable UUID decision, @RequestParam UUID subject,
            @RequestParam(required = false) String level, @RequestParam(required = false) String reason,
            EditVersion loaded, Caller caller, Locale locale, RedirectAttributes redirect) {
        DecisionView view = decisions.decide(cycle, decision, subject, level, reason, loaded, caller);
        String name = view.items().stream().filter(i -> i.subject().equals(subject)).findFirst()
                .map(DecisionView.Item::name).orElse("");
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.decisions.saved", new Object[] {name},
                locale));
        return "redirect:/evaluation/cycles/" + cycle + "/decisions/" + decision;
    }

    @PostMapping(ONE + "/signature")
    @DecidesRatings
    @PageForm(page = ONE, form = "sign-form")
    String sign(@PathVariable UUID cycle, @PathVariable UUID decision, @RequestParam(required = false) String number,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        decisions.sign(cycle, decision, number, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.decisions.signed", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/decisions/" + decision;
    }

    /** The decision document, in Vietnamese whatever the page's language: it is a statutory document. */
    @GetMapping(ONE + "/document.pdf")
    @DecidesRatings
    ResponseEntity<byte[]> document(@PathVariable UUID cycle, @PathVariable UUID decision, Caller caller) {
        byte[] pdf = decisions.document(cycle, decision, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("quyet-dinh-" + decision + ".pdf").build().toString())
                .body(pdf);
    }
}
