package org.cadre.organizations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.cadre.organizations.ImportKind;
import org.cadre.organizations.ImportProblem;
import org.cadre.organizations.ImportReport;
import org.cadre.organizations.Imports;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import (template, dry run, all-or-nothing run with progress) and export of the tree and member lists, as pages
 * and as the JSON API. Members may be imported by administrators and by secretaries into their subtree; the tree
 * by administrators only.
 */
@Controller
class ImportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;
    private final Organizations organizations;
    private final OrganizationScope scope;
    private final ImportJobs jobs;
    private final MessageSource messages;

    ImportController(Imports imports, Organizations organizations, OrganizationScope scope, ImportJobs jobs,
            MessageSource messages) {
        this.imports = imports;
        this.organizations = organizations;
        this.scope = scope;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/organizations/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    String page(Model model) {
        model.addAttribute("kinds", kinds());
        return "organizations/import";
    }

    /** Administrators import both kinds; secretaries members only. */
    private ImportKind[] kinds() {
        return scope.isAdmin() ? ImportKind.values() : new ImportKind[] {ImportKind.MEMBERS};
    }

    @GetMapping("/organizations/import/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    ResponseEntity<byte[]> template(@RequestParam ImportKind kind, @RequestParam(defaultValue = "xlsx") String format) {
        boolean xlsx = !"csv".equals(format);
        String name = (kind == ImportKind.MEMBERS ? "mau-dang-vien" : "mau-to-chuc-dang") + (xlsx ? ".xlsx" : ".csv");
        return download(imports.template(kind, xlsx), name, xlsx ? XLSX : new MediaType("text", "csv",
                StandardCharsets.UTF_8));
    }

    @PostMapping("/organizations/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and (#kind.name() == 'MEMBERS' or hasRole('ADMIN'))")
    String upload(@RequestParam ImportKind kind, @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "check") String mode, Principal principal, Locale locale, Model model)
            throws IOException {
        byte[] content = file.getBytes();
        Predicate<OrganizationId> mayWrite = mayWrite();
        if ("run".equals(mode)) {
            ImportJob job = jobs.start(principal.getName(), kind, file.getOriginalFilename(), content, mayWrite);
            return "redirect:/organizations/import/jobs/" + job.id;
        }
        ImportReport report = imports.check(kind, file.getOriginalFilename(), content, mayWrite);
        model.addAttribute("kinds", kinds());
        model.addAttribute("report", report);
        model.addAttribute("problems", describe(report.problems(), locale));
        return "organizations/import";
    }

    @GetMapping("/organizations/import/jobs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    String job(@PathVariable UUID id, Principal principal, Locale locale, Model model) {
        return jobModel(id, principal, locale, model) ? "organizations/import-job" : "error/404";
    }

    @GetMapping("/organizations/import/jobs/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
    String jobStatus(@PathVariable UUID id, Principal principal, Locale locale, Model model) {
        return jobModel(id, principal, locale, model) ? "organizations/import-job :: status" : "error/404";
    }

    private boolean jobModel(UUID id, Principal principal, Locale locale, Model model) {
        ImportJob job = jobs.find(id, principal.getName());
        if (job == null) {
            return false;
        }
        model.addAttribute("job", job);
        if (job.report != null) {
            model.addAttribute("problems", describe(job.report.problems(), locale));
        }
        return true;
    }

    /** The JSON API: a dry run by default; {@code dryRun=false} imports (synchronously). */
    @PostMapping(path = "/api/organizations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and (#kind.name() == 'MEMBERS' or hasRole('ADMIN'))")
    @ResponseBody
    ResponseEntity<ApiReport> api(@RequestParam ImportKind kind, @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun, Locale locale) throws IOException {
        byte[] content = file.getBytes();
        Predicate<OrganizationId> mayWrite = mayWrite();
        ImportReport report = dryRun ? imports.check(kind, file.getOriginalFilename(), content, mayWrite)
                : imports.run(kind, file.getOriginalFilename(), content, mayWrite, done -> { });
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
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    ResponseEntity<byte[]> exportTree(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        List<OrganizationId> roots = scope.seesEverything() ? List.of() : scope.visibleRoots();
        if (!scope.seesEverything() && roots.isEmpty()) {
            throw new OrganizationRejected(HttpStatus.FORBIDDEN, "out-of-scope", null);
        }
        return download(imports.exportTree(asOf == null ? LocalDate.now() : asOf, roots), "to-chuc-dang.xlsx", XLSX);
    }

    @GetMapping("/organizations/{id}/members.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    ResponseEntity<byte[]> exportMembers(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        boolean nationalIds = scope.canChangeOrganization(id);
        return download(imports.exportMembers(new OrganizationId(id), subtree, asOf, nationalIds),
                "dang-vien.xlsx", XLSX);
    }

    /** Computed now, from the request's authorities: the import may run on another thread. */
    private Predicate<OrganizationId> mayWrite() {
        if (scope.isAdmin()) {
            return id -> true;
        }
        List<OrganizationId> roots = List.copyOf(scope.secretaryRoots());
        return id -> id != null && organizations.within(roots, id);
    }

    private List<DescribedProblem> describe(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> new DescribedProblem(p.row(), p.column(), p.reason(),
                messages.getMessage("import.problem." + p.reason(), p.arguments().toArray(), p.reason(), locale)))
                .toList();
    }

    private static ResponseEntity<byte[]> download(byte[] content, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(content);
    }
}
