package org.cadre.organizations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.ImportKind;
import org.cadre.organizations.ImportProblem;
import org.cadre.organizations.ImportReport;
import org.cadre.organizations.Imports;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.web.OrganizationRoles.ChangesMembers;
import org.cadre.organizations.web.OrganizationRoles.ReadsTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import (template, dry run, all-or-nothing run as a job of the platform's job table, with progress any instance
 * can report) and export of the tree and member lists, as pages and as the JSON API. Members may be imported by
 * administrators and by secretaries into their subtree; the tree by administrators only (the import service
 * refuses the rest).
 */
@Controller
class ImportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final Jobs jobs;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(Imports imports, Organizations organizations, OrganizationAccess access, Jobs jobs,
            MessageSource messages, Clock clock) {
        this.imports = imports;
        this.organizations = organizations;
        this.access = access;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/organizations/import")
    @ChangesMembers
    String page(Caller caller, Model model) {
        model.addAttribute("kinds", kinds(caller));
        return "organizations/import";
    }

    /** Administrators import both kinds; secretaries members only. */
    private static ImportKind[] kinds(Caller caller) {
        return caller.has(Role.ADMIN) ? ImportKind.values() : new ImportKind[] {ImportKind.MEMBERS};
    }

    @GetMapping("/organizations/import/template")
    @ChangesMembers
    ResponseEntity<byte[]> template(@RequestParam ImportKind kind, @RequestParam(defaultValue = "xlsx") String format) {
        boolean xlsx = !"csv".equals(format);
        String name = (kind == ImportKind.MEMBERS ? "mau-dang-vien" : "mau-to-chuc-dang") + (xlsx ? ".xlsx" : ".csv");
        return download(imports.template(kind, xlsx), name, xlsx ? XLSX : new MediaType("text", "csv",
                StandardCharsets.UTF_8));
    }

    @PostMapping("/organizations/import")
    @ChangesMembers
    @PageForm(page = "/organizations/import", form = "import-form")
    String upload(@RequestParam ImportKind kind, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) UUID staged, @RequestParam(defaultValue = "false") boolean update,
            @RequestParam(defaultValue = "check") String mode, Caller caller, Locale locale, Model model)
            throws IOException {
        // a file chosen now wins; otherwise the one checked before, kept on the server (a browser does not keep
        // a file input across pages)
        Imports.Staged kept;
        if (file != null && !file.isEmpty()) {
            byte[] content = file.getBytes();
            kept = new Imports.Staged(null, file.getOriginalFilename(), content);
        } else if (staged != null) {
            kept = imports.staged(staged, caller)
                    .orElseThrow(() -> new Refused(OrganizationRefusal.IMPORT_FILE_MISSING));
        } else {
            throw new Refused(OrganizationRefusal.IMPORT_FILE_MISSING);
        }
        if ("run".equals(mode)) {
            JobId job = imports.submit(kind, kept.filename(), kept.content(), caller, update);
            if (kept.id() != null) {
                imports.unstage(kept.id(), caller);
            }
            return "redirect:/organizations/import/jobs/" + job;
        }
        ImportReport report = imports.check(kind, kept.filename(), kept.content(), caller, update);
        UUID keptId = kept.id() != null ? kept.id() : imports.stage(kept.filename(), kept.content(), caller);
        model.addAttribute("kinds", kinds(caller));
        model.addAttribute("kind", kind);
        model.addAttribute("update", update);
        model.addAttribute("staged", keptId);
        model.addAttribute("stagedName", kept.filename());
        model.addAttribute("report", report);
        model.addAttribute("problems", describe(report.problems(), locale));
        return "organizations/import";
    }

    @GetMapping("/organizations/import/jobs/{id}")
    @ChangesMembers
    String job(@PathVariable UUID id, Caller caller, Locale locale, Model model) {
        jobModel(id, caller, locale, model);
        return "organizations/import-job";
    }

    @GetMapping("/organizations/import/jobs/{id}/status")
    @ChangesMembers
    String jobStatus(@PathVariable UUID id, Caller caller, Locale locale, Model model) {
        jobModel(id, caller, locale, model);
        return "organizations/import-job :: status";
    }

    /** The job as the table has it, whichever instance runs it; only its owner (or an administrator) sees it. */
    private void jobModel(UUID id, Caller caller, Locale locale, Model model) {
        Job job = jobs.find(new JobId(id), caller).filter(j -> j.kind().equals(Imports.JOB_KIND))
                .orElseThrow(() -> new Refused(OrganizationRefusal.IMPORT_UNKNOWN, id));
        model.addAttribute("job", job);
        ImportReport report = jobs.result(job, ImportReport.class).orElse(null);
        model.addAttribute("report", report);
        if (report != null) {
            model.addAttribute("problems", describe(report.problems(), locale));
        }
        if (job.problemKey() != null) {
            model.addAttribute("failure", messages.getMessage(job.problemKey(), job.problemArguments().toArray(),
                    job.problemKey(), locale));
        }
    }

    /** The JSON API: a dry run by default; {@code dryRun=false} imports (synchronously). */
    @PostMapping(path = "/api/organizations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ChangesMembers
    @ResponseBody
    ResponseEntity<ApiReport> api(@RequestParam ImportKind kind, @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(defaultValue = "false") boolean update,
            Caller caller, Locale locale) throws IOException {
        byte[] content = file.getBytes();
        ImportReport report = dryRun ? imports.check(kind, file.getOriginalFilename(), content, caller, update)
                : imports.run(kind, file.getOriginalFilename(), content, caller, update, done -> { });
        ApiReport body = new ApiReport(report, describe(report.problems(), locale));
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    /** The report with every problem described in the caller's language. */
    record ApiReport(ImportReport report, List<DescribedProblem> problems) {
    }

    /** A problem as a person reads it. */
    record DescribedProblem(int row, String column, String reason, String message) {
    }

    @GetMapping("/organizations/export.xlsx")
    @ReadsTree
    ResponseEntity<byte[]> exportTree(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller) {
        var visibility = access.visibility(caller);
        if (visibility.isNothing()) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        String scope = organizations.bloc().map(OrganizationSummary::code).orElse("cadre");
        return download(imports.exportTree(on, visibility), exportName("to-chuc-dang", scope, on), XLSX);
    }

    @GetMapping("/organizations/{id}/members.xlsx")
    @ReadsTree
    ResponseEntity<byte[]> exportMembers(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller) {
        OrganizationId organization = new OrganizationId(id);
        access.requireSee(caller, organization);
        OrganizationSummary summary = organizations.find(organization)
                .orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
        boolean nationalIds = access.mayChange(caller, organization);
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        return download(imports.exportMembers(organization, subtree, asOf, nationalIds),
                exportName("dang-vien", summary.code(), on), XLSX);
    }

    /**
     * A download's name says what it holds: {@code dang-vien-CS00012-2025-12-31.xlsx}, so files from several
     * organizations and dates never overwrite each other in a downloads folder.
     */
    static String exportName(String what, String code, LocalDate on) {
        String safe = code == null ? "" : code.replaceAll("[^A-Za-z0-9_-]", "");
        return what + (safe.isEmpty() ? "" : "-" + safe) + "-" + on + ".xlsx";
    }

    private List<DescribedProblem> describe(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> new DescribedProblem(p.row(), p.column(), p.reason(),
                messages.getMessage(p.messageKey(), p.arguments().toArray(), p.reason(), locale))).toList();
    }

    private static ResponseEntity<byte[]> download(byte[] content, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(content);
    }
}
