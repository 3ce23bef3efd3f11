package org.cadre.evaluation.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.inputs.CivilServiceImport;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport;
import org.cadre.evaluation.internal.inputs.CriterionValue;
import org.cadre.evaluation.internal.inputs.InputCycle;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.evaluation.internal.inputs.InputRules;
import org.cadre.evaluation.internal.inputs.MemberInputs;
import org.cadre.evaluation.internal.inputs.PackFrame;
import org.cadre.evaluation.web.EvaluationRoles.EntersInputs;
import org.cadre.evaluation.web.EvaluationRoles.RatesCivilService;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.supervision.Stance;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a cycle's inputs: the organizations the caller reaches, an organization's members with what has been
 * entered and its own criteria, a member's forms (civil-service rating for staff, criteria, sick leave, residence
 * comment), and the civil-service import with its dry run. A refused form comes back with the reason next to it.
 */
@Controller
class CycleInputsPageController {

    private static final String BASE = "/evaluation/cycles/{cycle}/inputs";

    private final InputEntries entries;
    private final CivilServiceImport imports;
    private final MessageSource messages;

    CycleInputsPageController(InputEntries entries, CivilServiceImport imports, MessageSource messages) {
        this.entries = entries;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping(BASE)
    @EntersInputs
    String index(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization, Caller caller,
            Model model) {
        InputCycle found = entries.cycle(cycle);
        List<OrganizationSummary> reachable = entries.organizations(cycle, caller);
        PackFrame frame = entries.frame(cycle);
        common(model, found, frame, caller);
        model.addAttribute("organizations", reachable);
        UUID shown = organization != null ? organization
                : reachable.isEmpty() ? null : reachable.get(0).id().value();
        if (shown != null) {
            OrganizationSummary selected = entries.organization(cycle, shown, caller);
            model.addAttribute("selected", selected);
            model.addAttribute("members", entries.members(cycle, shown, caller));
            model.addAttribute("organizationCriteria", frame.criteria("ORGANIZATION"));
            model.addAttribute("organizationEntries", entries.organizationCriteria(cycle, shown, caller));
        }
        return "evaluation/inputs/index";
    }

    @GetMapping(BASE + "/members/{member}")
    @EntersInputs
    String member(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller, Model model) {
        InputCycle found = entries.cycle(cycle);
        common(model, found, entries.frame(cycle), caller);
        MemberInputs inputs = entries.member(cycle, member, caller);
        model.addAttribute("member", inputs);
        model.addAttribute("memberCriteria", entries.frame(cycle).criteria("MEMBER"));
        model.addAttribute("stances", Stance.values());
        return "evaluation/inputs/member";
    }

    private static void common(Model model, InputCycle cycle, PackFrame frame, Caller caller) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("year", String.valueOf(cycle.year()));
        model.addAttribute("frame", frame);
        model.addAttribute("scoreGroups", scoreGroups(frame));
        model.addAttribute("ratesCivilService", caller.hasAny(Role.ADMIN, Role.EVALUATOR));
    }

    /** The score groups the pack scores, with their maxima, for the criteria forms. */
    private static List<Map.Entry<String, BigDecimal>> scoreGroups(PackFrame frame) {
        List<Map.Entry<String, BigDecimal>> out = new ArrayList<>();
        frame.maxScore(InputRules.SCORE_GENERAL).ifPresent(max -> out.add(Map.entry(InputRules.SCORE_GENERAL, max)));
        frame.maxScore(InputRules.SCORE_TASK).ifPresent(max -> out.add(Map.entry(InputRules.SCORE_TASK, max)));
        return out;
    }

    @PostMapping(BASE + "/members/{member}/civil-service")
    @RatesCivilService
    @PageForm(page = BASE + "/members/{member}", form = "civil-service-form")
    String civilService(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) String level, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        entries.rateCivilService(cycle, member, level, caller);
        return saved(memberPage(cycle, member), locale, redirect);
    }

    @PostMapping(BASE + "/members/{member}/criteria")
    @EntersInputs
    @PageForm(page = BASE + "/members/{member}", form = "criteria-form")
    String memberCriteria(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam Map<String, String> fields, Caller caller, Locale locale, RedirectAttributes redirect) {
        entries.enterMemberCriteria(cycle, member, values(fields), caller);
        return saved(memberPage(cycle, member), locale, redirect);
    }

    @PostMapping(BASE + "/organizations/{organization}/criteria")
    @EntersInputs
    @PageForm(page = BASE + "?organization={organization}", form = "organization-criteria-form")
    String organizationCriteria(@PathVariable UUID cycle, @PathVariable UUID organization,
            @RequestParam Map<String, String> fields, Caller caller, Locale locale, RedirectAttributes redirect) {
        entries.enterOrganizationCriteria(cycle, organization, values(fields), caller);
        return saved("/evaluation/cycles/" + cycle + "/inputs?organization=" + organization, locale, redirect);
    }

    @PostMapping(BASE + "/members/{member}/sick-leave")
    @EntersInputs
    @PageForm(page = BASE + "/members/{member}", form = "sick-leave-form")
    String sickLeave(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) String months, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        entries.setSickLeave(cycle, member, months == null || months.isBlank() ? null : number(months,
                EvaluationRefusal.SICK_LEAVE_OUT_OF_RANGE), caller);
        return saved(memberPage(cycle, member), locale, redirect);
    }

    @PostMapping(BASE + "/members/{member}/residence-comment")
    @EntersInputs
    @PageForm(page = BASE + "/members/{member}", form = "residence-form")
    String residence(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestParam(required = false) String stance, @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Caller caller, Locale locale, RedirectAttributes redirect) {
        entries.setResidenceComment(cycle, member, stance, text, receivedOn, caller);
        return saved(memberPage(cycle, member), locale, redirect);
    }

    @GetMapping(BASE + "/civil-service")
    @RatesCivilService
    String importPage(@PathVariable UUID cycle, Caller caller, Model model) {
        common(model, entries.cycle(cycle), entries.frame(cycle), caller);
        return "evaluation/inputs/import";
    }

    /** The dry run: the page shows every row with what is wrong; a good file is kept to import with one click. */
    @PostMapping(BASE + "/civil-service/check")
    @RatesCivilService
    @PageForm(page = BASE + "/civil-service", form = "import-form")
    String check(@PathVariable UUID cycle, @RequestParam("file") MultipartFile file, Caller caller, Model model)
            throws IOException {
        CivilServiceImportReport report = imports.dryRun(cycle, file.getOriginalFilename(), file.getBytes(),
                caller);
        common(model, entries.cycle(cycle), entries.frame(cycle), caller);
        model.addAttribute("report", report);
        model.addAttribute("filename", file.getOriginalFilename());
        return "evaluation/inputs/import";
    }

    @PostMapping(BASE + "/civil-service/imports/{id}")
    @RatesCivilService
    @PageForm(page = BASE + "/civil-service", form = "import-form")
    String importStaged(@PathVariable UUID cycle, @PathVariable UUID id, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        CivilServiceImportReport report = imports.importStaged(cycle, id, caller);
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.inputs.imported",
                new Object[] {String.valueOf(report.rows())}, locale));
        return "redirect:/evaluation/cycles/" + cycle + "/inputs/civil-service";
    }

    @GetMapping(BASE + "/civil-service/template.xlsx")
    @RatesCivilService
    ResponseEntity<byte[]> template(@PathVariable UUID cycle, Caller caller) {
        return CycleInputsApiController.xlsx(imports.template(cycle, caller), "xep-loai-cong-chuc.xlsx");
    }

    /** The criteria fields of a form: {@code c.<criterion>} holds a level code or, for a score group, a number. */
    private static List<CriterionValue> values(Map<String, String> fields) {
        List<CriterionValue> out = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (!name.startsWith("c.")) {
                return;
            }
            String criterion = name.substring(2);
            String text = value == null ? "" : value.strip();
            boolean score = InputRules.SCORE_GENERAL.equals(criterion) || InputRules.SCORE_TASK.equals(criterion);
            if (text.isEmpty()) {
                out.add(new CriterionValue(criterion, null, null));
            } else if (score) {
                out.add(new CriterionValue(criterion, null, number(text, EvaluationRefusal.SCORE_OUT_OF_RANGE)));
            } else {
                out.add(new CriterionValue(criterion, text, null));
            }
        });
        return out;
    }

    /** A number as typed, with a comma or a point ("3,5"); anything else is the field's refusal. */
    private static BigDecimal number(String text, EvaluationRefusal refusal) {
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw refusal == EvaluationRefusal.SCORE_OUT_OF_RANGE ? new Refused(refusal, text, "0", "…")
                    : new Refused(refusal, text);
        }
    }

    private static String memberPage(UUID cycle, UUID member) {
        return "/evaluation/cycles/" + cycle + "/inputs/members/" + member;
    }

    private String saved(String back, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.inputs.saved", null, locale));
        return "redirect:" + back;
    }
}
