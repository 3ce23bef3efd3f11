package org.cadre.ratingrules.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RulePackRejected;
import org.cadre.ratingrules.ScenarioOutcome;
import org.cadre.ratingrules.ValidationReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for rule administrators: packs and versions, files with highlighting and the DRL editor, the parameter
 * form, validation, scenarios (expected against actual), activation, rollback, diff and the audit log. Every change
 * makes a new version; a refusal is shown on the page in the user's language.
 */
@Controller
@RequestMapping("/rule-packs")
class RulePackPageController {

    private static final String READ = RulePackApiController.READ;
    private static final String WRITE = RulePackApiController.WRITE;

    private final RatingRules rules;
    private final MessageSource messages;

    RulePackPageController(RatingRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(Model model) {
        model.addAttribute("packs", rules.packs());
        return "ratingrules/list";
    }

    @PostMapping("/upload")
    @PreAuthorize(WRITE)
    String upload(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            PackVersion version = rules.upload(file.getBytes(), principal.getName());
            redirect.addFlashAttribute("notice", message("ratingrules.notice.stored", version.version()));
            return "redirect:/rule-packs/" + version.packId() + "/" + version.version();
        } catch (RulePackRejected e) {
            redirect.addFlashAttribute("error", describe(e));
            redirect.addFlashAttribute("errorProblems", problemLines(e.report()));
            return "redirect:/rule-packs";
        }
    }

    @GetMapping("/{packId}")
    @PreAuthorize(READ)
    String pack(@PathVariable String packId, Model model) {
        List<PackVersion> versions = rules.versions(packId);
        model.addAttribute("packId", packId);
        model.addAttribute("versions", versions);
        model.addAttribute("activeVersion", versions.stream().filter(v -> v.state() == PackState.ACTIVE)
                .map(PackVersion::version).findFirst().orElse(null));
        model.addAttribute("audit", rules.audit(packId));
        return "ratingrules/pack";
    }

    @GetMapping("/{packId}/{version}")
    @PreAuthorize(READ)
    String version(@PathVariable String packId, @PathVariable int version, Model model) {
        PackVersion pack = rules.version(packId, version);
        model.addAttribute("pack", pack);
        model.addAttribute("report", pack.report());
        model.addAttribute("files", rules.files(packId, version).keySet());
        Integer active = rules.versions(packId).stream().filter(v -> v.state() == PackState.ACTIVE)
                .map(PackVersion::version).findFirst().orElse(null);
        model.addAttribute("activeVersion", active);
        model.addAttribute("scenarios", pack.report().scenarios());
        return "ratingrules/version";
    }

    @GetMapping("/{packId}/{version}/file")
    @PreAuthorize(READ)
    String file(@PathVariable String packId, @PathVariable int version, @RequestParam String path, Model model) {
        byte[] content = rules.files(packId, version).get(path);
        if (content == null) {
            throw new RulePackRejected(org.springframework.http.HttpStatus.NOT_FOUND, "file-not-found", path);
        }
        model.addAttribute("pack", rules.version(packId, version));
        model.addAttribute("path", path);
        model.addAttribute("binary", path.endsWith(".xlsx"));
        model.addAttribute("fileText", path.endsWith(".xlsx") ? "" : new String(content, StandardCharsets.UTF_8));
        model.addAttribute("mode", path.endsWith(".drl") ? "drl" : "yaml");
        return "ratingrules/file";
    }

    @PostMapping("/{packId}/{version}/file")
    @PreAuthorize(WRITE)
    String saveFile(@PathVariable String packId, @PathVariable int version, @RequestParam String path,
            @RequestParam(required = false) String content, @RequestParam(required = false) MultipartFile upload,
            Principal principal, RedirectAttributes redirect) throws java.io.IOException {
        byte[] bytes = upload != null && !upload.isEmpty() ? upload.getBytes()
                : (content == null ? "" : content.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        String target = upload != null && !upload.isEmpty() && (path == null || path.isBlank())
                ? upload.getOriginalFilename() : path;
        return newVersion(() -> rules.saveFile(packId, version, target, bytes, principal.getName()), packId, version,
                redirect);
    }

    @GetMapping("/{packId}/{version}/parameters")
    @PreAuthorize(READ)
    String parameters(@PathVariable String packId, @PathVariable int version, Model model) {
        model.addAttribute("pack", rules.version(packId, version));
        model.addAttribute("parameters", rules.parameters(packId, version));
        return "ratingrules/parameters";
    }

    @PostMapping("/{packId}/{version}/parameters")
    @PreAuthorize(WRITE)
    String changeParameters(@PathVariable String packId, @PathVariable int version,
            @RequestParam Map<String, String> form, Principal principal, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        rules.parameters(packId, version).forEach(p -> {
            String value = form.get("p." + p.name());
            if ("boolean".equals(p.type())) {
                value = value == null ? "false" : "true";
            }
            if (value != null) {
                values.put(p.name(), value);
            }
        });
        return newVersion(() -> rules.changeParameters(packId, version, values, principal.getName()), packId, version,
                redirect);
    }

    @PostMapping("/{packId}/{version}/validate")
    @PreAuthorize(WRITE)
    String validate(@PathVariable String packId, @PathVariable int version, RedirectAttributes redirect) {
        ValidationReport report = rules.validate(packId, version);
        redirect.addFlashAttribute(report.valid() ? "notice" : "error", message(report.valid()
                ? "ratingrules.notice.valid" : "ratingrules.notice.invalid", report.problems().size(),
                report.scenarios().size() - report.scenariosPassed()));
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    @PostMapping("/{packId}/{version}/scenarios")
    @PreAuthorize(WRITE)
    String scenarios(@PathVariable String packId, @PathVariable int version, RedirectAttributes redirect) {
        // the report (with every scenario, expected against actual) is stored with the version and shown there;
        // flash attributes carry only text, since sessions may live in the database
        ValidationReport report = rules.validate(packId, version);
        List<ScenarioOutcome> scenarios = report.scenarios();
        redirect.addFlashAttribute(report.valid() ? "notice" : "error", message("ratingrules.notice.scenarios",
                report.scenariosPassed(), scenarios.size()));
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    @PostMapping("/{packId}/{version}/activate")
    @PreAuthorize(WRITE)
    String activate(@PathVariable String packId, @PathVariable int version, Principal principal,
            RedirectAttributes redirect) {
        return action(() -> rules.activate(packId, version, principal.getName()), "ratingrules.notice.activated",
                packId, version, redirect);
    }

    @PostMapping("/{packId}/{version}/rollback")
    @PreAuthorize(WRITE)
    String rollback(@PathVariable String packId, @PathVariable int version, Principal principal,
            RedirectAttributes redirect) {
        return action(() -> rules.rollback(packId, version, principal.getName()), "ratingrules.notice.rolledBack",
                packId, version, redirect);
    }

    @PostMapping("/{packId}/{version}/retire")
    @PreAuthorize(WRITE)
    String retire(@PathVariable String packId, @PathVariable int version, Principal principal,
            RedirectAttributes redirect) {
        return action(() -> rules.retire(packId, version, principal.getName()), "ratingrules.notice.retired",
                packId, version, redirect);
    }

    @GetMapping("/{packId}/diff")
    @PreAuthorize(READ)
    String diff(@PathVariable String packId, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("packId", packId);
        model.addAttribute("diff", rules.diff(packId, from, to));
        return "ratingrules/diff";
    }

    private String newVersion(java.util.function.Supplier<PackVersion> change, String packId, int version,
            RedirectAttributes redirect) {
        try {
            PackVersion created = change.get();
            redirect.addFlashAttribute("notice", message("ratingrules.notice.stored", created.version()));
            return "redirect:/rule-packs/" + packId + "/" + created.version();
        } catch (RulePackRejected e) {
            redirect.addFlashAttribute("error", describe(e));
            Object draft = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("draftVersion");
            return "redirect:/rule-packs/" + packId + "/" + (draft != null ? draft : version);
        }
    }

    private String action(Runnable change, String notice, String packId, int version, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", message(notice, version));
        } catch (RulePackRejected e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    /** The problems of a refused pack as lines of text in the user's language (flash attributes carry only text). */
    private List<String> problemLines(ValidationReport report) {
        if (report == null) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        return report.problems().stream().map(p -> p.file() + (p.line() > 0 ? ":" + p.line() : "")
                + (p.location().isEmpty() ? "" : ": " + p.location()) + ": "
                + messages.getMessage("ratingrules.problem." + p.code(), p.arguments().toArray(), p.message(), locale))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private String describe(RulePackRejected e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.getDetailMessageCode(), e.getDetailMessageArguments(messages, locale),
                e.getMessage(), locale);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
