package org.cadre.evaluation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.DecidedRating;
import org.cadre.evaluation.FileAppeal;
import org.cadre.evaluation.StoredRating;
import org.cadre.evaluation.web.EvaluationRoles.AppealsOwnRating;
import org.cadre.evaluation.web.EvaluationRoles.OwnRatings;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.ratingrules.RulePackRegistry;
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
 * A member's own ratings by year: the engine's proposal with its explanation, the level the competent level decided
 * (or an appeal changed), "Appeal" with its last day while the window is open, the appeal form, and the member's
 * appeals with every step and the outcome.
 */
@Controller
class MyRatingsPageController {

    private static final String FORM = "/evaluation/cycles/{cycle}/my-appeal";

    private final CycleResults results;
    private final Appeals appeals;
    private final RulePackRegistry registry;
    private final MessageSource messages;

    MyRatingsPageController(CycleResults results, Appeals appeals, RulePackRegistry registry,
            MessageSource messages) {
        this.results = results;
        this.appeals = appeals;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/evaluation/my-ratings")
    @OwnRatings
    String mine(Caller caller, Model model, Locale locale) {
        List<WhyView> mine = new ArrayList<>();
        for (StoredRating rating : results.mine(caller)) {
            mine.add(WhyView.of(rating, registry, messages, locale));
        }
        Map<UUID, DecidedRating> decided = new HashMap<>();
        Map<UUID, Map<String, String>> labels = new HashMap<>();
        for (DecidedRating d : appeals.myDecidedRatings(caller)) {
            decided.put(d.cycle(), d);
            labels.put(d.cycle(), labels(d.cycle(), locale));
        }
        Map<UUID, List<AppealView>> mineByCycle = new HashMap<>();
        for (AppealView a : appeals.mine(caller)) {
            mineByCycle.computeIfAbsent(a.cycle(), c -> new ArrayList<>()).add(a);
            labels.computeIfAbsent(a.cycle(), c -> labels(c, locale));
        }
        model.addAttribute("ratings", mine);
        model.addAttribute("decided", decided);
        model.addAttribute("appeals", mineByCycle);
        model.addAttribute("levels", labels);
        return "evaluation/mine";
    }

    @GetMapping(FORM)
    @AppealsOwnRating
    String form(@PathVariable UUID cycle, Caller caller, Model model, Locale locale) {
        DecidedRating decided = appeals.myDecidedRatings(caller).stream().filter(d -> d.cycle().equals(cycle))
                .findFirst().orElse(null);
        model.addAttribute("cycle", cycle);
        model.addAttribute("decided", decided);
        model.addAttribute("scale", decided == null ? List.of() : appeals.scale(cycle, Proposal.Subject.MEMBER));
        model.addAttribute("levels", labels(cycle, locale));
        return "evaluation/appeals/file";
    }

    @PostMapping(FORM)
    @AppealsOwnRating
    @PageForm(page = FORM, form = "appeal-form")
    String file(@PathVariable UUID cycle, @RequestParam(required = false) String grounds,
            @RequestParam(required = false) String requestedLevel, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        // no subject from the request: the appeal is the caller's own
        appeals.file(cycle, new FileAppeal(null, grounds, requestedLevel), caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.appeals.filed", null, locale));
        return "redirect:/evaluation/my-ratings";
    }

    private Map<String, String> labels(UUID cycle, Locale locale) {
        Map<String, String> out = new HashMap<>();
        appeals.scale(cycle, Proposal.Subject.MEMBER).forEach(l -> out.put(l.code(), l.label(locale.getLanguage())));
        return out;
    }
}
