package org.cadre.commitments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.commitments.AttachedFile;
import org.cadre.commitments.EvidenceDownload;
import org.cadre.commitments.ProgressReportView;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.DraftRegister;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.ReportProgress;
import org.cadre.commitments.Study;
import org.cadre.commitments.web.CommitmentRoles.ChangesOwnRegister;
import org.cadre.commitments.web.CommitmentRoles.IsMember;
import org.cadre.commitments.web.CommitmentRoles.ReadsRegister;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own pages, made for a phone: their campaigns with their study record, their registers with the
 * secretary's comments, and the forms to write a register and report progress. One register's page serves the
 * member and their secretary alike.
 */
@Controller
class MemberPageController {

    private final Study study;
    private final CommitmentRegisters registers;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    MemberPageController(Study study, CommitmentRegisters registers, OrganizationAccess access, Pages pages,
            Clock clock) {
        this.study = study;
        this.registers = registers;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/commitments/me")
    @IsMember
    String me(Caller caller, Model model) {
        MemberId member = caller.member().map(MemberId::new)
                .orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_UNKNOWN, caller.username()));
        model.addAttribute("duties", study.dutiesOf(member));
        model.addAttribute("campaigns", study.campaigns().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c)));
        model.addAttribute("registers", registers.ofMember(member));
        model.addAttribute("today", LocalDate.now(clock));
        return "commitments/me";
    }

    @PostMapping("/commitments/me/registers")
    @ChangesOwnRegister
    @PageForm(page = "/commitments/me", form = "draft-form")
    String draft(@RequestParam UUID campaignId, @RequestParam(required = false) String content,
            @RequestParam(required = false) String task, @RequestParam(required = false) String target,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(defaultValue = "10") int weight, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        UUID member = caller.member().orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_UNKNOWN,
                caller.username()));
        UUID id = registers.draft(new DraftRegister(campaignId, member, List.of(new ItemDraft(content, task, target,
                deadline, weight))), caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @GetMapping("/commitments/registers/{id}")
    @ReadsRegister
    String register(@PathVariable UUID id, Caller caller, Model model) {
        RegisterView register = registers.read(id, caller);
        boolean own = caller.member().map(register.member().value()::equals).orElse(false);
        boolean chapter = access.mayChange(caller, register.organization());
        model.addAttribute("register", register);
        model.addAttribute("reports", registers.reports(id, caller).stream()
                .collect(Collectors.groupingBy(ProgressReportView::itemId)));
        model.addAttribute("organizationName", pages.name(register.organization()));
        model.addAttribute("own", own);
        model.addAttribute("chapter", chapter);
        model.addAttribute("mayEdit", (own || chapter) && register.editable());
        model.addAttribute("today", LocalDate.now(clock));
        return "commitments/register";
    }

    @PostMapping("/commitments/registers/{id}/items")
    @ChangesOwnRegister
    @PageForm(page = "/commitments/registers/{id}", form = "item-form")
    String addItem(@PathVariable UUID id, @RequestParam(required = false) String content,
            @RequestParam(required = false) String task, @RequestParam(required = false) String target,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(defaultValue = "10") int weight, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        registers.addItem(id, new ItemDraft(content, task, target, deadline, weight), caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/registers/{id}/items/{item}/remove")
    @ChangesOwnRegister
    @PageForm(page = "/commitments/registers/{id}", form = "items")
    String removeItem(@PathVariable UUID id, @PathVariable UUID item, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        registers.removeItem(id, item, caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/registers/{id}/submit")
    @ChangesOwnRegister
    @PageForm(page = "/commitments/registers/{id}", form = "submit-form")
    String submit(@PathVariable UUID id, Caller caller, Locale locale, RedirectAttributes redirect) {
        registers.submit(id, caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/registers/{id}/progress")
    @ChangesOwnRegister
    @PageForm(page = "/commitments/registers/{id}", form = "progress-form")
    String progress(@PathVariable UUID id, @RequestParam UUID itemId, @RequestParam int percent,
            @RequestParam(required = false) String evidence, @RequestParam(required = false) MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Caller caller, Locale locale,
            RedirectAttributes redirect) throws IOException {
        AttachedFile attached = file == null || file.isEmpty() ? null
                : new AttachedFile(file.getOriginalFilename(), file.getBytes());
        registers.reportProgress(id, new ReportProgress(itemId, percent, evidence, on), attached, caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    /**
     * An attached evidence file, to whoever may read the register: always as an attachment, with the type read from
     * its bytes when it was uploaded and no sniffing, so that a browser never renders it in the application's origin.
     */
    @GetMapping("/commitments/registers/{id}/evidence/{file}")
    @ReadsRegister
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID file, Caller caller) {
        EvidenceDownload download = registers.evidence(id, file, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.content());
    }
}
