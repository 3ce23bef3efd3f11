package org.cadre.organizations.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.Members;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RenameOrganization;
import org.cadre.organizations.Sex;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the organization and member pages: each posts here, the change goes through the facade (which
 * publishes its event), and the page comes back with a notice or the reason in the user's language.
 */
@Controller
class OrganizationFormController {

    private final Organizations organizations;
    private final Members members;
    private final Validator validator;
    private final MessageSource messages;

    OrganizationFormController(Organizations organizations, Members members, Validator validator,
            MessageSource messages) {
        this.organizations = organizations;
        this.members = members;
        this.validator = validator;
        this.messages = messages;
    }

    @PostMapping("/organizations/{id}/children")
    @PreAuthorize("hasRole('ADMIN')")
    String register(@PathVariable UUID id, @RequestParam String code, @RequestParam String name,
            @RequestParam OrganizationKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn, Locale locale,
            RedirectAttributes redirect) {
        RegisterOrganization command = new RegisterOrganization(code, name, kind, id, establishedOn);
        return attempt(command, () -> organizations.register(command), "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/rename")
    @PreAuthorize("hasRole('ADMIN')")
    String rename(@PathVariable UUID id, @RequestParam String name,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        RenameOrganization command = new RenameOrganization(name, on);
        return attempt(command, () -> organizations.rename(new OrganizationId(id), command), "/organizations/" + id,
                locale, redirect);
    }

    @PostMapping("/organizations/{id}/agency")
    @PreAuthorize("hasRole('ADMIN')")
    String agency(@PathVariable UUID id, @RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String headName, Locale locale, RedirectAttributes redirect) {
        org.cadre.organizations.SetAgency command = new org.cadre.organizations.SetAgency(code, name, headName);
        return attempt(command, () -> organizations.setAgency(new OrganizationId(id), command),
                "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/move")
    @PreAuthorize("hasRole('ADMIN')")
    String move(@PathVariable UUID id, @RequestParam UUID parentId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        MoveOrganization command = new MoveOrganization(parentId, on);
        return attempt(command, () -> organizations.move(new OrganizationId(id), command), "/organizations/" + id,
                locale, redirect);
    }

    @PostMapping("/organizations/{id}/dissolve")
    @PreAuthorize("hasRole('ADMIN')")
    String dissolve(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        DatedChange command = new DatedChange(on, reason);
        return attempt(command, () -> organizations.dissolve(new OrganizationId(id), command),
                "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/members")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#id)")
    String admit(@PathVariable UUID id, @RequestParam String cardNumber, @RequestParam String familyName,
            @RequestParam(required = false) String middleName, @RequestParam String givenName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornOn, @RequestParam Sex sex,
            @RequestParam(required = false) String nationalId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admittedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confirmedOn,
            @RequestParam(defaultValue = "false") boolean civilServant,
            @RequestParam(required = false) String position, Locale locale, RedirectAttributes redirect) {
        AdmitMember command = new AdmitMember(cardNumber, familyName, middleName, givenName, bornOn, sex,
                nationalId == null || nationalId.isBlank() ? null : nationalId.trim(), id, admittedOn, confirmedOn,
                civilServant, position);
        return attempt(command, () -> members.admit(command), "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#id)")
    String assignRole(@PathVariable UUID id, @RequestParam UUID memberId, @RequestParam OrganizationRole role,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Locale locale,
            RedirectAttributes redirect) {
        AssignRole command = new AssignRole(memberId, role, from);
        return attempt(command, () -> organizations.assignRole(new OrganizationId(id), command),
                "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/organizations/{id}/roles/{assignment}/end")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#id)")
    String endRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        DatedChange command = new DatedChange(on, null);
        return attempt(command, () -> organizations.endRole(new OrganizationId(id), assignment, command),
                "/organizations/" + id, locale, redirect);
    }

    @PostMapping("/members/{id}/correct")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    String correct(@PathVariable UUID id, @RequestParam String familyName,
            @RequestParam(required = false) String middleName, @RequestParam String givenName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornOn, @RequestParam Sex sex,
            @RequestParam(required = false) String nationalId,
            @RequestParam(defaultValue = "false") boolean civilServant,
            @RequestParam(required = false) String position, Locale locale, RedirectAttributes redirect) {
        org.cadre.organizations.CorrectMember command = new org.cadre.organizations.CorrectMember(familyName,
                middleName, givenName, bornOn, sex, nationalId == null || nationalId.isBlank() ? null : nationalId.trim(),
                civilServant, position);
        return attempt(command, () -> members.correct(new MemberId(id), command), "/members/" + id, locale,
                redirect);
    }

    /** Confirm, exempt, suspend, reinstate, or take off the rolls (left, removed, deceased). */
    @PostMapping("/members/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    String status(@PathVariable UUID id, @RequestParam String change,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        MemberId member = new MemberId(id);
        DatedChange dated = new DatedChange(on, reason == null || reason.isBlank() ? null : reason.trim());
        Runnable action = switch (change) {
            case "CONFIRM" -> () -> members.confirm(member, dated);
            case "EXEMPT" -> () -> members.exempt(member, dated);
            case "SUSPEND" -> () -> members.suspend(member, dated);
            case "REINSTATE" -> () -> members.reinstate(member, dated);
            case "LEFT", "REMOVED", "DECEASED" -> () -> members.end(member,
                    new EndMembership(MemberStatus.valueOf(change), on, dated.reason()));
            default -> () -> {
                throw new OrganizationRejected(org.springframework.http.HttpStatus.BAD_REQUEST, "status-invalid",
                        "change", change);
            };
        };
        return attempt(dated, action, "/members/" + id, locale, redirect);
    }

    private String attempt(Object command, Runnable action, String back, Locale locale, RedirectAttributes redirect) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("error", violations.stream()
                    .map(v -> label(v.getPropertyPath().toString(), locale) + ": " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
            return "redirect:" + back;
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage("form.saved", null, locale));
        } catch (OrganizationRejected e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getDetailMessageCode(),
                    e.getDetailMessageArguments(), locale));
        }
        return "redirect:" + back;
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("form.field." + field, null, field, locale);
    }
}
