package org.cadre.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.CalibrationChoice;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.web.EvaluationRoles.CalibratesQuotas;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of calibration: the quota cases of a cycle's current run (decided and still open), and one case with its
 * candidates (a checkbox each to keep the level, a reason, the votes when the committee voted) or, once decided, the
 * outcome. A refused form comes back with the reason and what was entered.
 */
@Controller
class CalibrationPageController {

    private static final String LIST = "/evaluation/cycles/{cycle}/calibrations";
    private static final String CASE = LIST + "/{caseId}";
    /** Each candidate's checkbox is a field of its own, so a refused form comes back with every choice in it. */
    static final String KEEP = "keep-";

    private final Calibrations calibrations;
    private final Cycles cycles;
    private final MessageSource messages;

    CalibrationPageController(Calibrations calibrations, Cycles cycles, MessageSource messages) {
        this.calibrations = calibrations;
        this.cycles = cycles;
        this.messages = messages;
    }

    @GetMapping(LIST)
    @CalibratesQuotas
    String list(@PathVariable UUID cycle, Caller caller, Model model) {
        CycleView found = cycles.find(cycle, caller).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
        List<CalibrationView> cases = calibrations.list(cycle, caller);
        long decided = cases.stream().filter(CalibrationView::decided).count();
        model.addAttribute("cycle", found);
        model.addAttribute("year", String.valueOf(found.year()));
        model.addAttribute("cases", cases);
        model.addAttribute("decided", decided);
        model.addAttribute("undecided", cases.size() - decided);
        return "evaluation/calibration/list";
    }

    @GetMapping(CASE)
    @CalibratesQuotas
    String show(@PathVariable UUID cycle, @PathVariable UUID caseId, Caller caller, Model model) {
        model.addAttribute("k", calibrations.find(cycle, caseId, caller));
        return "evaluation/calibration/case";
    }

    @PostMapping(CASE)
    @CalibratesQuotas
    @PageForm(page = CASE, form = "calibration-form")
    String decide(@PathVariable UUID cycle, @PathVariable UUID caseId, @RequestParam Map<String, String> fields,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        List<UUID> keepers = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(KEEP)) {
                keepers.add(subject(value));
            }
        });
        calibrations.decide(cycle, caseId, new CalibrationChoice(keepers, fields.get("reason"),
                votes(fields.get("votesFor")), votes(fields.get("votesAgainst")),
                votes(fields.get("votesAbstain"))), caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.calibration.decided", null, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/calibrations/" + caseId;
    }

    private static UUID subject(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused(EvaluationRefusal.CALIBRATION_NOT_CANDIDATE, value);
        }
    }

    /** A vote count as typed: empty is none, anything but a whole number is refused as the domain refuses it. */
    private static Integer votes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Refused(EvaluationRefusal.VOTES_INVALID);
        }
    }
}
