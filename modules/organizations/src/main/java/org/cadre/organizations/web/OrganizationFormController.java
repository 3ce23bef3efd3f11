package org.cadre.organizations.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
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
    private final MessageSource messages;

    OrganizationFormController(Organizations organizations, Members members, OrganizationAccess access,
            MessageSource messages) {
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.messages = messages;
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
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        organizations.rename(new OrganizationId(id), new RenameOrganization(name, on));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/agency")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "agency-form")
    String agency(@PathVariable UUID id, @RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String headName, Locale locale, RedirectAttributes redirect) {
        organizations.setAgency(new OrganizationId(id), new SetAgency(code, name, headName));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/move")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "move-form")
    String move(@PathVariable UUID id, @RequestParam UUID parentId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        organizations.move(new OrganizationId(id), new MoveOrganization(parentId, on));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/dissolve")
    @ChangesTree
    @PageForm(page = "/organizations/{id}", form = "dissolve-form")
    String dissolve(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
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
    String assignRole(@PathVariable UUID id, @RequestParam UUID memberId, @RequestParam OrganizationRole role,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Caller caller,
            Locale locale, RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        organizations.assignRole(new OrganizationId(id), new AssignRole(memberId, role, from));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/roles/{assignment}/end")
    @ChangesMembers
    @PageForm(page = "/organizations/{id}", form = "roles")
    String endRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        access.requireChange(caller, new OrganizationId(id));
        organizations.endRole(new OrganizationId(id), assignment, new DatedChange(on, null));
        return saved("/organizations/" + id, locale, redirect);
    }

    @PostMapping("/members/{id}/correct")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "correct-form")
    String correct(@PathVariable UUID id, @RequestParam String familyName,
            @RequestParam(required = false) String middleName, @RequestParam String givenName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornOn, @RequestParam Sex sex,
            @RequestParam(required = false) String nationalId,
            @RequestParam(defaultValue = "false") boolean civilServant,
            @RequestParam(required = false) String position, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        access.requireChange(caller, new MemberId(id));
        members.correct(new MemberId(id), new CorrectMember(familyName, middleName, givenName, bornOn, sex,
                blankToNull(nationalId), civilServant, position));
        return saved("/members/" + id, locale, redirect);
    }

    /** Confirm, exempt, suspend, reinstate, or take off the rolls (left, removed, deceased). */
    @PostMapping("/members/{id}/status")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "status-form")
    String status(@PathVariable UUID id, @RequestParam String change,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        DatedChange dated = new DatedChange(on, reason);
        switch (change) {
            case "CONFIRM" -> members.confirm(member, dated);
            case "EXEMPT" -> members.exempt(member, dated);
            case "SUSPEND" -> members.suspend(member, dated);
            case "REINSTATE" -> members.reinstate(member, dated);
            case "LEFT", "REMOVED", "DECEASED" -> members.end(member,
                    new EndMembership(MemberStatus.valueOf(change), on, reason));
            default -> throw new Refused(OrganizationRefusal.STATUS_INVALID, change);
        }
        return saved("/members/" + id, locale, redirect);
    }

    /** The member may leave the caller's scope: back to the organization they left, whose page the caller sees. */
    @PostMapping("/members/{id}/transfer")
    @ChangesMembers
    @PageForm(page = "/members/{id}", form = "transfer-form")
    String transfer(@PathVariable UUID id, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        OrganizationId from = members.find(member).map(MemberSummary::organizationId)
                .orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, member));
        members.transfer(member, new TransferMember(organizationId, on));
        redirect.addFlashAttribute("notice", messages.getMessage("member.transferred", null, locale));
        return "redirect:/organizations/" + from;
    }

    private String saved(String back, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("form.saved", null, locale));
        return "redirect:" + back;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
