package org.cadre.ratingrules.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.Explanation;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.ParameterPreview;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.ScenarioOutcome;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.web.RulePackRoles.ChangesPacks;
import org.cadre.ratingrules.web.RulePackRoles.ReadsPacks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * makes a new version; a refusal goes back to its form with the reason and each problem in the user's language
 * ({@link PageForm}).
 */
@Controller
@RequestMapping("/rule-packs")
class RulePackPageController {

    private final RulePackRegistry registry;
    private final MessageSource messages;

    RulePackPageController(RulePackRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping
    @ReadsPacks
    String list(Model model) {
        model.addAttribute("packs", registry.packs());
        return "ratingrules/list";
    }

    @PostMapping("/upload")
    @ChangesPacks
    @PageForm(page = "/rule-packs", form = "upload-form")
    String upload(@RequestParam("file") MultipartFile file, Caller caller, RedirectAttributes redirect)
            throws java.io.IOException {
        if (file.getSize() > org.cadre.ratingrules.pack.PackFiles.MAX_ZIP_BYTES) {
            throw RulePackApiController.tooLarge(org.cadre.ratingrules.pack.PackFiles.MAX_ZIP_BYTES);
        }
        return "redirect:/rule-packs/jobs/" + registry.submitUpload(file.getBytes(), false, caller);
    }

    /**
     * An upload or an edit being validated: its progress while the job runs; once it is done, the version it stored
     * (with its report when it is a draft), or why it failed.
     */
    @GetMapping("/jobs/{id}")
    @ChangesPacks
    String job(@PathVariable UUID id, Caller caller, Model model, RedirectAttributes redirect) {
        Job job = registry.job(new JobId(id), caller).orElseThrow(() -> new Refused(RatingRulesRefusal.JOB_UNKNOWN,
                id));
        var result = registry.result(job);
        if (result.isPresent()) {
            var stored = result.get();
            redirect.addFlashAttribute("notice", message(stored.valid() ? "ratingrules.notice.stored"
                    : "ratingrules.notice.draft", stored.version()));
            return "redirect:" + stored.location();
        }
        return jobModel(job, model, "ratingrules/job");
    }

    /** The progress fragment the job page polls; when the job is done it sends the browser to the job page. */
    @GetMapping("/jobs/{id}/status")
    @ChangesPacks
    String jobStatus(@PathVariable UUID id, Caller caller, Model model, HttpServletResponse response) {
        Job job = registry.job(new JobId(id), caller).orElseThrow(() -> new Refused(RatingRulesRefusal.JOB_UNKNOWN,
                id));
        if (job.state() == Job.State.SUCCEEDED) {
            response.setHeader("HX-Redirect", "/rule-packs/jobs/" + id);
        }
        return jobModel(job, model, "ratingrules/job :: status");
    }

    private String jobModel(Job job, Model model, String view) {
        model.addAttribute("job", job);
        if (job.problemKey() != null) {
            model.addAttribute("failure", messages.getMessage(job.problemKey(), job.problemArguments().toArray(),
                    job.problemKey(), LocaleContextHolder.getLocale()));
        }
        return view;
    }

    @GetMapping("/{packId}")
    @ReadsPacks
    String pack(@PathVariable String packId, Model model) {
        List<PackVersion> versions = registry.versions(packId);
        Wording wording = wording(Map.of());
        PackVersion latest = versions.stream().max(java.util.Comparator.comparingInt(PackVersion::version))
                .orElseThrow();
        model.addAttribute("packId", packId);
        model.addAttribute("packName", name(latest));
        model.addAttribute("versions", versions);
        model.addAttribute("authors", versions.stream().collect(java.util.stream.Collectors.toMap(
                PackVersion::version, v -> AuditLine.author(v.author(), wording))));
        model.addAttribute("activeVersion", versions.stream().filter(v -> v.state() == PackState.ACTIVE)
                .map(PackVersion::version).findFirst().orElse(null));
        model.addAttribute("audit", registry.audit(packId).stream().map(e -> AuditLine.of(e, wording)).toList());
        return "ratingrules/pack";
    }

    @GetMapping("/{packId}/{version}")
    @ReadsPacks
    String version(@PathVariable String packId, @PathVariable int version, Model model) {
        PackVersion pack = registry.version(packId, version);
        model.addAttribute("pack", pack);
        model.addAttribute("packName", name(pack));
        model.addAttribute("author", AuditLine.author(pack.author(), wording(Map.of())));
        model.addAttribute("report", pack.report());
        model.addAttribute("files", registry.files(packId, version).keySet());
        Integer active = registry.versions(packId).stream().filter(v -> v.state() == PackState.ACTIVE)
                .map(PackVersion::version).findFirst().orElse(null);
        model.addAttribute("activeVersion", active);
        model.addAttribute("scenarios", pack.report().scenarios());
        Map<String, List<RulePackRegistry.Level>> scales = registry.scales(packId, version);
        model.addAttribute("scales", scales);
        Map<String, String> labels = levelLabels(scales);
        model.addAttribute("levelLabels", labels);
        model.addAttribute("scenarioRows", ScenarioRows.of(pack.report().scenarios(), wording(labels)));
        model.addAttribute("scenariosFailed", pack.report().scenarios().size() - pack.report().scenariosPassed());
        return "ratingrules/version";
    }

    /** The pack's name in the reader's language. */
    private static String name(PackVersion version) {
        String name = LocaleContextHolder.getLocale().getLanguage().equals("en") ? version.nameEn()
                : version.nameVi();
        return name == null || name.isBlank() ? version.packId() : name;
    }

    private Wording wording(Map<String, String> levelLabels) {
        return new Wording(messages, LocaleContextHolder.getLocale(), levelLabels);
    }

    /** Every level code of the scales with its label in the reader's language: what pages show beside a code. */
    private static Map<String, String> levelLabels(Map<String, List<RulePackRegistry.Level>> scales) {
        String language = LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "vi";
        Map<String, String> labels = new LinkedHashMap<>();
        scales.values().forEach(levels -> levels.forEach(level -> labels.putIfAbsent(level.code(),
                level.label(language))));
        return labels;
    }

    /**
     * The subjects of one scenario as the version rates them, each with its explanation as a member would read it:
     * how a committee checks the words before a rating reaches anyone.
     */
    @GetMapping("/{packId}/{version}/explain")
    @ReadsPacks
    String explain(@PathVariable String packId, @PathVariable int version, @RequestParam String file, Model model) {
        RulePackRegistry.ScenarioRun run = registry.runScenario(packId, version, file);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("pack", registry.version(packId, version));
        model.addAttribute("run", run);
        java.util.function.Function<String, String> parameterLabels = Explanation.parameterLabels(
                registry.parameters(packId, version), locale);
        model.addAttribute("explanations", run.ratings().ratings().stream()
                .map(r -> Explanation.of(r, run::label, parameterLabels, messages, locale)).toList());
        model.addAttribute("calibrations", run.ratings().calibrations());
        return "ratingrules/explain";
    }

    @GetMapping("/{packId}/{version}/file")
    @ReadsPacks
    String file(@PathVariable String packId, @PathVariable int version, @RequestParam String path, Model model) {
        byte[] content = registry.files(packId, version).get(path);
        if (content == null) {
            throw new Refused(RatingRulesRefusal.FILE_NOT_FOUND, path);
        }
        model.addAttribute("pack", registry.version(packId, version));
        model.addAttribute("path", path);
        model.addAttribute("binary", path.endsWith(".xlsx"));
        model.addAttribute("fileText", path.endsWith(".xlsx") ? "" : new String(content, StandardCharsets.UTF_8));
        model.addAttribute("mode", path.endsWith(".drl") ? "drl" : "yaml");
        return "ratingrules/file";
    }

    /** A new version with the file as edited; a refused version goes back to the editor with what was typed. */
    @PostMapping("/{packId}/{version}/file")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}/file?path={path}", form = "file-form")
    String saveFile(@PathVariable String packId, @PathVariable int version, @RequestParam String path,
            @RequestParam(required = false) String content, @RequestParam(required = false) MultipartFile upload,
            Caller caller, RedirectAttributes redirect) throws java.io.IOException {
        byte[] bytes = upload != null && !upload.isEmpty() ? upload.getBytes()
                : (content == null ? "" : content.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        String target = upload != null && !upload.isEmpty() && (path == null || path.isBlank())
                ? upload.getOriginalFilename() : path;
        return "redirect:/rule-packs/jobs/" + registry.submitFile(packId, version, target, bytes, false, caller);
    }

    /**
     * A new version with files added or replaced by an upload, from the version page: several files chosen at once
     * make one version. A file is put where a file of its name already is, else at the top of the pack; the path
     * field names the place of a single file.
     */
    @PostMapping("/{packId}/{version}/files")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}", form = "add-file-form")
    String addFile(@PathVariable String packId, @PathVariable int version,
            @RequestParam(required = false) String path, @RequestParam List<MultipartFile> upload, Caller caller,
            RedirectAttributes redirect) throws java.io.IOException {
        List<MultipartFile> chosen = upload.stream().filter(f -> !f.isEmpty()).toList();
        java.util.Set<String> existing = registry.files(packId, version).keySet();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (MultipartFile file : chosen) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            String target = chosen.size() == 1 && path != null && !path.isBlank() ? path : placed(name, existing);
            files.put(target, file.getBytes());
        }
        return "redirect:/rule-packs/jobs/" + registry.submitFiles(packId, version, files, false, caller);
    }

    /** Where an uploaded file goes: the one existing file of that name, else the top of the pack. */
    private static String placed(String name, java.util.Set<String> existing) {
        List<String> same = existing.stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).toList();
        return same.size() == 1 ? same.get(0) : name;
    }

    @GetMapping("/{packId}/{version}/parameters")
    @ReadsPacks
    String parameters(@PathVariable String packId, @PathVariable int version, Caller caller, Model model) {
        return parameterPage(packId, version, Map.of(), caller, model);
    }

    private String parameterPage(String packId, int version, Map<String, String> typed, Caller caller,
            Model model) {
        PackVersion pack = registry.version(packId, version);
        List<PackParameter> parameters = registry.parameters(packId, version);
        Map<String, String> labels = levelLabels(registry.scales(packId, version));
        model.addAttribute("pack", pack);
        model.addAttribute("packName", name(pack));
        model.addAttribute("parameters", parameters);
        model.addAttribute("groups", ParameterForm.groups(parameters, typed, wording(labels)));
        model.addAttribute("sourceMarks", ParameterForm.hasSourceMarks(parameters));
        model.addAttribute("canChange", caller.has(Role.RULE_ADMIN) || caller.has(Role.ADMIN));
        model.addAttribute("levelLabels", labels);
        return "ratingrules/parameters";
    }

    /**
     * What the values typed in the form would change, before anything is saved: the scenarios whose outcome
     * changes (the broken ones with the choice of keeping the old value or following the change) and the subjects
     * of the latest run. The page shows the form again with the values as typed and the save button.
     */
    @PostMapping("/{packId}/{version}/parameters/preview")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}/parameters", form = "parameters-form")
    String previewParameters(@PathVariable String packId, @PathVariable int version,
            @RequestParam Map<String, String> form, Caller caller, Model model) {
        return preview(packId, version, form, caller, model, null);
    }

    private String preview(String packId, int version, Map<String, String> form, Caller caller, Model model,
            String warning) {
        Map<String, String> values = ParameterForm.values(registry.parameters(packId, version), form);
        ParameterPreview preview = registry.previewParameters(packId, version, values);
        parameterPage(packId, version, form, caller, model);
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) model.getAttribute("levelLabels");
        model.addAttribute("preview", PreviewView.of(preview, registry.parameters(packId, version),
                registry.version(packId, version).years(), wording(labels)));
        model.addAttribute("previewed", ParameterForm.fingerprint(values));
        model.addAttribute("resolutions", form);
        if (warning != null) {
            model.addAttribute("error", message(warning));
        }
        return "ratingrules/parameters";
    }

    /**
     * Saves the values previewed as a new version, with the scenarios they break resolved as chosen (kept on the
     * old value, or their expectation updated) in that same version. Values changed since the preview are
     * previewed again instead of saved; a broken scenario left without a choice is a form error.
     */
    @PostMapping("/{packId}/{version}/parameters")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}/parameters", form = "parameters-form")
    String changeParameters(@PathVariable String packId, @PathVariable int version,
            @RequestParam Map<String, String> form, Caller caller, Model model, RedirectAttributes redirect) {
        Map<String, String> values = ParameterForm.values(registry.parameters(packId, version), form);
        String previewed = form.get("previewed");
        if (previewed != null && !previewed.equals(ParameterForm.fingerprint(values))) {
            return preview(packId, version, form, caller, model, "ratingrules.preview.changedSincePreview");
        }
        Map<String, RulePackRegistry.ScenarioResolution> resolutions = new LinkedHashMap<>();
        for (String file : form.getOrDefault("broken", "").split("\\|")) {
            if (file.isBlank()) {
                continue;
            }
            String choice = form.get("r." + file);
            if (choice == null) {
                throw new Refused(RatingRulesRefusal.RESOLUTION_MISSING, file);
            }
            resolutions.put(file, switch (choice) {
                case "keep" -> RulePackRegistry.ScenarioResolution.KEEP_OLD_VALUE;
                case "update" -> RulePackRegistry.ScenarioResolution.UPDATE_EXPECTATION;
                default -> throw new Refused(RatingRulesRefusal.RESOLUTION_MISSING, file);
            });
        }
        return stored(registry.changeParameters(packId, version, values, resolutions, caller.username()), redirect);
    }

    @PostMapping("/{packId}/{version}/validate")
    @ChangesPacks
    String validate(@PathVariable String packId, @PathVariable int version, RedirectAttributes redirect) {
        ValidationReport report = registry.validate(packId, version);
        redirect.addFlashAttribute(report.valid() ? "notice" : "error", message(report.valid()
                ? "ratingrules.notice.valid" : "ratingrules.notice.invalid", report.problems().size(),
                report.scenarios().size() - report.scenariosPassed()));
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    @PostMapping("/{packId}/{version}/scenarios")
    @ChangesPacks
    String scenarios(@PathVariable String packId, @PathVariable int version, RedirectAttributes redirect) {
        // the report (with every scenario, expected against actual) is stored with the version and shown there;
        // flash attributes carry only text, since sessions may live in the database
        ValidationReport report = registry.validate(packId, version);
        List<ScenarioOutcome> scenarios = report.scenarios();
        redirect.addFlashAttribute(report.valid() ? "notice" : "error", message("ratingrules.notice.scenarios",
                report.scenariosPassed(), scenarios.size()));
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    /**
     * Asks before activating, rolling back or retiring: names the pack, the version and the effect (the version it
     * replaces, the years no pack will serve any more).
     */
    @GetMapping("/{packId}/{version}/confirm")
    @ChangesPacks
    String confirm(@PathVariable String packId, @PathVariable int version, @RequestParam String action,
            Model model) {
        if (!List.of("activate", "rollback", "retire").contains(action)) {
            throw new Refused(RatingRulesRefusal.ACTION_UNKNOWN, action);
        }
        PackVersion pack = registry.version(packId, version);
        List<PackVersion> versions = registry.versions(packId);
        Integer active = versions.stream().filter(v -> v.state() == PackState.ACTIVE).map(PackVersion::version)
                .findFirst().orElse(null);
        String name = name(pack);
        List<String> effects = new java.util.ArrayList<>();
        switch (action) {
            case "retire" -> {
                effects.add(message("ratingrules.confirm.retire.effect", name, version));
                // one pack per year and subject: while this version is active no other pack serves its years for
                // its subjects, so retiring it leaves all of them without one
                if (pack.state() == PackState.ACTIVE && pack.yearFrom() != null) {
                    String subjects = pack.subjects().stream().map(s -> message("ratingrules.subjects." + s))
                            .collect(java.util.stream.Collectors.joining(", "));
                    effects.add(pack.yearTo() == null
                            ? message("ratingrules.confirm.noPackFrom", String.valueOf(pack.yearFrom()), subjects)
                            : pack.yearFrom().equals(pack.yearTo())
                            ? message("ratingrules.confirm.noPackYear", String.valueOf(pack.yearFrom()), subjects)
                            : message("ratingrules.confirm.noPackYears", String.valueOf(pack.yearFrom()),
                                    String.valueOf(pack.yearTo()), subjects));
                }
            }
            default -> {
                effects.add(message("ratingrules.confirm.activate.effect", name, version, pack.years()));
                if (active != null && active != version) {
                    effects.add(message("ratingrules.confirm.replaces", active));
                }
            }
        }
        model.addAttribute("pack", pack);
        model.addAttribute("packName", name);
        model.addAttribute("action", action);
        model.addAttribute("effects", effects);
        return "ratingrules/confirm";
    }

    @PostMapping("/{packId}/{version}/activate")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}", form = "version-actions")
    String activate(@PathVariable String packId, @PathVariable int version, Caller caller,
            RedirectAttributes redirect) {
        registry.activate(packId, version, caller.username());
        return done("ratingrules.notice.activated", packId, version, redirect);
    }

    @PostMapping("/{packId}/{version}/rollback")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}", form = "version-actions")
    String rollback(@PathVariable String packId, @PathVariable int version, Caller caller,
            RedirectAttributes redirect) {
        registry.rollback(packId, version, caller.username());
        return done("ratingrules.notice.rolledBack", packId, version, redirect);
    }

    @PostMapping("/{packId}/{version}/retire")
    @ChangesPacks
    @PageForm(page = "/rule-packs/{packId}/{version}", form = "version-actions")
    String retire(@PathVariable String packId, @PathVariable int version, Caller caller,
            RedirectAttributes redirect) {
        registry.retire(packId, version, caller.username());
        return done("ratingrules.notice.retired", packId, version, redirect);
    }

    @GetMapping("/{packId}/diff")
    @ReadsPacks
    String diff(@PathVariable String packId, @RequestParam int from, @RequestParam int to, Model model) {
        PackDiff diff = registry.diff(packId, from, to);
        Map<String, PackParameter> declared = new LinkedHashMap<>();
        registry.parameters(packId, from).forEach(p -> declared.put(p.name(), p));
        registry.parameters(packId, to).forEach(p -> declared.put(p.name(), p));
        List<PackVersion> versions = registry.versions(packId);
        model.addAttribute("packId", packId);
        model.addAttribute("packName", name(registry.version(packId, to)));
        model.addAttribute("versions", versions);
        model.addAttribute("diff", diff);
        model.addAttribute("view", DiffView.of(diff, declared, wording(Map.of())));
        return "ratingrules/diff";
    }

    private String stored(PackVersion created, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", message("ratingrules.notice.stored", created.version()));
        return "redirect:/rule-packs/" + created.packId() + "/" + created.version();
    }

    private String done(String notice, String packId, int version, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", message(notice, version));
        return "redirect:/rule-packs/" + packId + "/" + version;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
