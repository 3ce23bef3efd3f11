package org.cadre.organizations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberChange;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.domain.EffectiveDate;
import org.cadre.organizations.domain.Member;
import org.springframework.ui.Model;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RenameOrganization;
import org.cadre.organizations.SetAgency;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TransferMember;
import org.cadre.organizations.web.OrganizationRoles.ChangesMembers;
import org.cadre.organizations.web.OrganizationRoles.ChangesTree;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.PageForm;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the organization and member pages: each posts here, the change goes through the facade (which
 * checks the command and publishes its event), and the page comes back with a notice. A refusal goes back to the
 * form with its reason and the values typed ({@link PageForm}); nothing here catches it.
 */
@Controller
class OrganizationFormController {

    private final Organizations organizations;
    private final Members members;
    private final OrganizationAccess access;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final Clock clock;

    OrganizationFormController(Organizations organizations, Members members, OrganizationAccess access,
            MessageSource messages, Clock clock) {
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/organizations/{id}/children")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "child-form")
    String register(@PathVariable UUID id, @RequestParam String code, @RequestParam String name,
            @RequestParam OrganizationKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn, Locale locale,
            RedirectAttributes redirect) {
        organizations.register(new RegisterOrganization(code, name, kind, id, establishedOn));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/rename")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "rename-form")
    String rename(@PathVariable UUID id, @RequestParam String name,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, EditVersion loaded,
            Locale locale, RedirectAttributes redirect) {
        organizations.rename(new OrganizationId(id), new RenameOrganization(name, on), loaded);
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/agency")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "agency-form")
    String agency(@PathVariable UUID id, @RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String headName, EditVersion loaded, Locale locale,
            RedirectAttributes redirect) {
        organizations.setAgency(new OrganizationId(id), new SetAgency(code, name, headName), loaded);
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/move")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "move-form")
    String move(@PathVariable UUID id, @RequestParam UUID parentId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "false") boolean confirmed, Locale locale, Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            notFuture(on);
            OrganizationSummary organization = organization(id);
            OrganizationSummary parent = organizations.find(new OrganizationId(parentId))
                    .orElseThrow(() -> new Refused(OrganizationRefusal.PARENT_UNKNOWN, parentId));
            String current = organization.parentId() == null ? "—"
                    : organizations.find(organization.parentId()).map(OrganizationSummary::name).orElse("—");
            return confirm(model, new Confirmation(text("confirm.move.heading", locale),
                    List.of(text("confirm.move.line", locale, organization.name(), label(parent.id()), current,
                            day(on))),
                    "/organizations/" + id + "/move",
                    Confirmation.fields("parentId", parentId.toString(), "on", on.toString()),
                    text("confirm.submit", locale), "/organizations/" + id, true));
        }
        organizations.move(new OrganizationId(id), new MoveOrganization(parentId, on));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/dissolve")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "dissolve-form")
    String dissolve(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean confirmed,
            Locale locale, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            notFuture(on);
            OrganizationSummary organization = organization(id);
            List<String> lines = new ArrayList<>(List.of(text("confirm.dissolve.line", locale, organization.name(),
                    organization.code(), day(on))));
            if (reason != null && !reason.isBlank()) {
                lines.add(text("confirm.reason", locale, reason.trim()));
            }
            return confirm(model, new Confirmation(text("confirm.dissolve.heading", locale), lines,
                    "/organizations/" + id + "/dissolve",
                    Confirmation.fields("on", on.toString(), "reason", reason),
                    text("organizations.dissolve", locale), "/organizations/" + id, true));
        }
        organizations.dissolve(new OrganizationId(id), new DatedChange(on, reason));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/members")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "admit-form")
    String admit(@PathVariable UUID id, @RequestParam String cardNumber, @RequestParam String familyName,
            @RequestParam(required = false) String middleName, @RequestParam String givenName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornOn, @RequestParam Sex sex,
            @RequestParam(required = false) String nationalId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admittedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confirmedOn,
            @RequestParam(defaultValue = "false") boolean civilServant,
            @RequestParam(required = false) String position, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        members.admit(new AdmitMember(cardNumber, familyName, middleName, givenName, bornOn, sex, blankToNull(nationalId),
                id, admittedOn, confirmedOn, civilServant, position));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/roles")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "role-form")
    String assignRole(@PathVariable UUID id, @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) String cardNumber, @RequestParam OrganizationRole role,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        // a large subtree's form names the member by card number (the assignment checks they are in the subtree)
        UUID chosen = memberId != null ? memberId : cardNumber == null || cardNumber.isBlank() ? null
                : members.findByCard(cardNumber.strip()).map(m -> m.id().value())
                        .orElseThrow(() -> new Refused(OrganizationRefusal.ROLE_MEMBER_UNKNOWN, cardNumber.strip()));
        if (chosen == null) {
            throw new Refused(OrganizationRefusal.ROLE_MEMBER_UNKNOWN, "");
        }
        organizations.assignRole(new OrganizationId(id), new AssignRole(chosen, role, from));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/roles/{assignment}/end")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "roles")
    String endRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        if (!confirmed) {
            notFuture(on);
            OrganizationSummary organization = organization(id);
            RoleAssignment role = role(id, assignment);
            return confirm(model, new Confirmation(text("confirm.role.heading", locale),
                    List.of(text("confirm.role.line", locale, role.memberName(),
                            text("role.kind." + role.role(), locale), organization.name(), day(on))),
                    "/organizations/" + id + "/roles/" + assignment + "/end",
                    Confirmation.fields("on", on.toString()), text("role.end", locale),
                    "/organizations/" + id, true));
        }
        organizations.endRole(new OrganizationId(id), assignment, new DatedChange(on, null));
        return saved("/organizations/" + id, locale, redirect);
    }

    /** A role recorded by mistake: its recorder or an administrator cancels it, with a reason. */
    @PostMapping("/organizations/{id}/roles/{assignment}/cancel")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "roles")
    String cancelRole(@PathVariable UUID id, @PathVariable UUID assignment, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        requireReason(reason);
        if (!confirmed) {
            OrganizationSummary organization = organization(id);
            RoleAssignment role = role(id, assignment);
            return confirm(model, new Confirmation(text("confirm.cancelRole.heading", locale),
                    List.of(text("confirm.cancelRole.line", locale, text("role.kind." + role.role(), locale),
                            role.memberName(), organization.name(), day(role.from())),
                            text("confirm.reason", locale, reason.trim())),
                    "/organizations/" + id + "/roles/" + assignment + "/cancel",
                    Confirmation.fields("reason", reason), text("confirm.cancel", locale),
                    "/organizations/" + id, true));
        }
        organizations.cancelRole(new OrganizationId(id), assignment, new CancelChange(reason), caller);
        return notice("/organizations/" + id, "form.cancelled", locale, redirect);
    }

    @PostMapping("/members/{id}/correct")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "correct-form")
    String correct(@PathVariable UUID id, @RequestParam String familyName,
            @RequestParam(required = false) String middleName, @RequestParam String givenName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornOn, @RequestParam Sex sex,
            @RequestParam(required = false) String nationalId,
            @RequestParam(defaultValue = "false") boolean civilServant,
            @RequestParam(required = false) String position, EditVersion loaded, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        access.requireChange(caller, new MemberId(id));
        members.correct(new MemberId(id), new CorrectMember(familyName, middleName, givenName, bornOn, sex,
                blankToNull(nationalId), civilServant, position), loaded);
        return saved("/members/" + id, locale, redirect);
    }

    /**
     * Confirm, exempt, suspend, reinstate, or take off the rolls (left, removed, deceased): nothing is chosen
     * beforehand; a disciplinary change takes its reason and decision; every change is confirmed first.
     */
    @PostMapping("/members/{id}/status")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "status-form")
    String status(@PathVariable UUID id, @RequestParam MemberChange change,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String decision,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        if (!confirmed) {
            notFuture(on);
            Member.requireGrounds(change, reason, decision);
            MemberSummary summary = member(member);
            List<String> lines = new ArrayList<>();
            lines.add(text("confirm.status.line", locale, summary.fullName(), summary.cardNumber(),
                    text("member.change." + change, locale), day(on)));
            if (change.endsMembership()) {
                lines.add(text("confirm.status.ends", locale, summary.fullName(), summary.organizationName()));
            }
            if (reason != null && !reason.isBlank()) {
                lines.add(text("confirm.reason", locale, reason.trim()));
            }
            if (decision != null && !decision.isBlank()) {
                lines.add(text("confirm.decision", locale, decision.trim()));
            }
            return confirm(model, new Confirmation(text("member.change." + change, locale), lines,
                    "/members/" + id + "/status", Confirmation.fields("change", change.name(), "on", on.toString(),
                            "reason", reason, "decision", decision),
                    text("confirm.submit", locale), "/members/" + id,
                    change != MemberChange.CONFIRM && change != MemberChange.REINSTATE));
        }
        DatedChange dated = new DatedChange(on, reason, decision);
        switch (change) {
            case CONFIRM -> members.confirm(member, dated);
            case EXEMPT -> members.exempt(member, dated);
            case SUSPEND -> members.suspend(member, dated);
            case REINSTATE -> members.reinstate(member, dated);
            case LEFT, REMOVED, DECEASED -> members.end(member,
                    new EndMembership(change.leadsTo(), on, reason, decision));
        }
        return saved("/members/" + id, locale, redirect);
    }

    /** The latest status change, recorded by mistake: its recorder or an administrator cancels it. */
    @PostMapping("/members/{id}/status/cancel")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "history")
    String cancelStatus(@PathVariable UUID id, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        requireReason(reason);
        if (!confirmed) {
            MemberSummary summary = member(member);
            List<HistoryEntry> statuses = members.history(member).stream()
                    .filter(h -> h.what().equals("STATUS") && !h.cancelled()).toList();
            HistoryEntry last = statuses.stream().filter(HistoryEntry::latest).findFirst()
                    .orElseThrow(() -> new Refused(OrganizationRefusal.NOTHING_TO_CANCEL));
            HistoryEntry before = statuses.get(statuses.indexOf(last) - 1);
            return confirm(model, new Confirmation(text("confirm.cancelStatus.heading", locale),
                    List.of(text("confirm.cancelStatus.line", locale, summary.fullName(), summary.cardNumber(),
                            text("member.status." + last.value(), locale), day(last.from()),
                            text("member.status." + before.value(), locale)),
                            text("confirm.reason", locale, reason.trim())),
                    "/members/" + id + "/status/cancel", Confirmation.fields("reason", reason),
                    text("confirm.cancel", locale), "/members/" + id, true));
        }
        members.cancelStatusChange(member, new CancelChange(reason), caller);
        return notice("/members/" + id, "form.cancelled", locale, redirect);
    }

    /**
     * The destination and the date are chosen (nothing preselected) and confirmed. The member may leave the
     * caller's scope: back to the organization they left, whose page the caller sees and which lists them among
     * those transferred out, with a way to cancel a transfer recorded by mistake.
     */
    @PostMapping("/members/{id}/transfer")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "transfer-form")
    String transfer(@PathVariable UUID id, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        MemberSummary summary = member(member);
        if (!confirmed) {
            notFuture(on);
            OrganizationSummary to = organizations.find(new OrganizationId(organizationId))
                    .orElseThrow(() -> new Refused(OrganizationRefusal.TARGET_UNKNOWN, organizationId));
            if (to.id().equals(summary.organizationId())) {
                throw new Refused(OrganizationRefusal.TRANSFER_SAME, to.name());
            }
            return confirm(model, new Confirmation(text("member.transfer", locale),
                    List.of(text("confirm.transfer.line", locale, summary.fullName(), summary.cardNumber(),
                            label(summary.organizationId()), label(to.id()), day(on)),
                            text("confirm.transfer.roles", locale)),
                    "/members/" + id + "/transfer",
                    Confirmation.fields("organizationId", organizationId.toString(), "on", on.toString()),
                    text("confirm.transfer.submit", locale), "/members/" + id, true));
        }
        members.transfer(member, new TransferMember(organizationId, on));
        redirect.addFlashAttribute("notice", messages.getMessage("member.transferred", null, locale));
        return "redirect:/organizations/" + summary.organizationId();
    }

    /** From the member's page: their latest transfer, recorded by mistake. */
    @PostMapping("/members/{id}/transfer/cancel")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "history")
    String cancelTransfer(@PathVariable UUID id, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        access.requireChange(caller, new MemberId(id));
        return cancelTransfer(new MemberId(id), reason, confirmed, "/members/" + id + "/transfer/cancel",
                "/members/" + id, caller, locale, model, redirect);
    }

    /**
     * From the page of the organization the member left: its secretary no longer sees the member, but sees them
     * among those transferred out, and may cancel a transfer they recorded by mistake.
     */
    @PostMapping("/organizations/{id}/transfers/{member}/cancel")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "transfers-out")
    String cancelTransferOut(@PathVariable UUID id, @PathVariable UUID member, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, Caller caller, Locale locale, Model model,
            RedirectAttributes redirect) {
        OrganizationId organization = new OrganizationId(id);
        access.requireChange(caller, organization);
        boolean leftFromHere = members.transfersOut(organization, true).stream()
                .anyMatch(t -> t.member().value().equals(member) && t.latest());
        if (!leftFromHere) {
            throw new Refused(OrganizationRefusal.NOTHING_TO_CANCEL);
        }
        return cancelTransfer(new MemberId(member), reason, confirmed,
                "/organizations/" + id + "/transfers/" + member + "/cancel", "/organizations/" + id, caller,
                locale, model, redirect);
    }

    private String cancelTransfer(MemberId member, String reason, boolean confirmed, String action, String back,
            Caller caller, Locale locale, Model model, RedirectAttributes redirect) {
        requireReason(reason);
        if (!confirmed) {
            MemberSummary summary = member(member);
            List<HistoryEntry> periods = members.history(member).stream()
                    .filter(h -> h.what().equals("MEMBERSHIP") && !h.cancelled()).toList();
            HistoryEntry last = periods.stream().filter(HistoryEntry::latest).findFirst()
                    .orElseThrow(() -> new Refused(OrganizationRefusal.NOTHING_TO_CANCEL));
            HistoryEntry before = periods.get(periods.indexOf(last) - 1);
            return confirm(model, new Confirmation(text("confirm.cancelTransfer.heading", locale),
                    List.of(text("confirm.cancelTransfer.line", locale, summary.fullName(), summary.cardNumber(),
                            before.value(), last.value(), day(last.from())),
                            text("confirm.reason", locale, reason.trim())),
                    action, Confirmation.fields("reason", reason), text("confirm.cancel", locale), back, true));
        }
        members.cancelTransfer(member, new CancelChange(reason), caller);
        return notice(back, "member.transferCancelled", locale, redirect);
    }

    private String confirm(Model model, Confirmation confirmation) {
        model.addAttribute("confirmation", confirmation);
        return "organizations/confirm";
    }

    private void notFuture(LocalDate on) {
        EffectiveDate.requireNotFuture(on, LocalDate.now(clock));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(OrganizationRefusal.REASON_REQUIRED);
        }
    }

    private OrganizationSummary organization(UUID id) {
        return organizations.find(new OrganizationId(id))
                .orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
    }

    private MemberSummary member(MemberId id) {
        return members.find(id).orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, id));
    }

    private RoleAssignment role(UUID organization, UUID assignment) {
        return organizations.roles(new OrganizationId(organization), null).stream()
                .filter(r -> r.id().equals(assignment)).findFirst()
                .orElseThrow(() -> new Refused(OrganizationRefusal.ROLE_UNKNOWN, assignment));
    }

    private String label(OrganizationId id) {
        return organizations.labels(List.of(id)).getOrDefault(id, id.toString());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private String notice(String back, String key, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, null, locale));
        return "redirect:" + back;
    }

    private String saved(String back, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("form.saved", null, locale));
        return "redirect:" + back;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
