package org.cadre.commitments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.commitments.AssessItem;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CascadeTemplate;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.DutyPage;
import org.cadre.commitments.HoldSession;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.RecordLateStudy;
import org.cadre.commitments.ReturnRegister;
import org.cadre.commitments.Study;
import org.cadre.commitments.web.CommitmentRoles.ChangesChapter;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretary's progress board of their chapter (or any subtree they may see): who studied, whose register is
 * where and how far along; and the secretary's forms: approve or return a register, assess an item, record a study
 * session or a later study, cascade a template.
 */
@Controller
class ChapterPageController {

    /** Members on one page of the board (a bloc's board listed 2,315 rows at once and took about 3 s). */
    static final int PAGE_SIZE = 50;
    /** Above this, the session form asks for a chapter's board instead of listing the whole subtree to tick. */
    static final int SESSION_LIST_LIMIT = 300;

    private final Study study;
    private final CommitmentRegisters registers;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    ChapterPageController(Study study, CommitmentRegisters registers, OrganizationAccess access, Pages pages,
            Clock clock) {
        this.study = study;
        this.registers = registers;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/commitments/board")
    @ReadsCommitments
    String board(@RequestParam(required = false) UUID campaign, @RequestParam(required = false) UUID organization,
            @RequestParam(defaultValue = "1") int page, Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("campaigns", pages.campaigns(root));
        model.addAttribute("today", LocalDate.now(clock));
        CampaignView current = pages.campaign(campaign, root).orElse(null);
        model.addAttribute("campaign", current);
        if (current != null) {
            // a page of members; the counts (roll-up, still to study) stay those of the whole subtree
            DutyPage duties = study.duties(current.id(), root, page, PAGE_SIZE);
            model.addAttribute("duties", duties);
            model.addAttribute("stillToStudy", study.stillToStudy(current.id(), root));
            model.addAttribute("rollup", study.rollup(current.id(), root));
            boolean canChange = access.mayChange(caller, root);
            model.addAttribute("canChange", canChange);
            // a session's attendance is ticked on one list: offered where the subtree is the size of a chapter
            if (canChange && duties.total() <= SESSION_LIST_LIMIT) {
                model.addAttribute("attendees", duties.total() <= PAGE_SIZE ? duties.rows()
                        : study.duties(current.id(), root));
            }
        }
        return "commitments/board";
    }

    @PostMapping("/commitments/registers/{id}/approve")
    @ChangesChapter
    @PageForm(page = "/commitments/registers/{id}", form = "decide-form")
    String approve(@PathVariable UUID id, Caller caller, Locale locale, RedirectAttributes redirect) {
        registers.approve(id, caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/registers/{id}/return")
    @ChangesChapter
    @PageForm(page = "/commitments/registers/{id}", form = "decide-form")
    String giveBack(@PathVariable UUID id, @RequestParam(required = false) String comment, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        registers.giveBack(id, new ReturnRegister(comment), caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/registers/{id}/assess")
    @ChangesChapter
    @PageForm(page = "/commitments/registers/{id}", form = "assess-form")
    String assess(@PathVariable UUID id, @RequestParam UUID itemId, @RequestParam boolean fulfilled,
            @RequestParam(defaultValue = "false") boolean exceeded, @RequestParam(required = false) String assessment,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        registers.assess(id, new AssessItem(itemId, fulfilled, exceeded, assessment, on), caller);
        return pages.saved("/commitments/registers/" + id, locale, redirect);
    }

    @PostMapping("/commitments/board/session")
    @ChangesChapter
    @PageForm(page = "/commitments/board?campaign={campaignId}&organization={organizationId}", form = "session-form")
    String session(@RequestParam UUID campaignId, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String topic,
            @RequestParam(name = "attendees", required = false) List<UUID> attendees, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        study.holdSession(new HoldSession(campaignId, organizationId, heldOn, topic,
                attendees == null ? List.of() : attendees), caller);
        return pages.saved(board(campaignId, organizationId), locale, redirect);
    }

    @PostMapping("/commitments/board/late-study")
    @ChangesChapter
    @PageForm(page = "/commitments/board?campaign={campaignId}&organization={organizationId}", form = "late-form")
    String lateStudy(@RequestParam UUID campaignId, @RequestParam UUID organizationId, @RequestParam UUID memberId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note, Caller caller, Locale locale, RedirectAttributes redirect) {
        study.recordLateStudy(new RecordLateStudy(campaignId, memberId, on, note), caller);
        return pages.saved(board(campaignId, organizationId), locale, redirect);
    }

    @PostMapping("/commitments/board/template")
    @ChangesChapter
    @PageForm(page = "/commitments/board?campaign={campaignId}&organization={organizationId}", form = "template-form")
    String template(@RequestParam UUID campaignId, @RequestParam UUID organizationId,
            @RequestParam(required = false) String content, @RequestParam(required = false) String task,
            @RequestParam(required = false) String target,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(defaultValue = "10") int weight, Caller caller, Locale locale, RedirectAttributes redirect) {
        registers.cascade(new CascadeTemplate(campaignId, organizationId, List.of(new ItemDraft(content, task, target,
                deadline, weight))), caller);
        return pages.saved(board(campaignId, organizationId), locale, redirect);
    }

    private static String board(UUID campaign, UUID organization) {
        return "/commitments/board?campaign=" + campaign + "&organization=" + organization;
    }
}
