package org.cadre.organizations.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TransferMember;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the organization tree and of members, rendered inside the shell's layout, limited to the caller's scope. */
@Controller
class OrganizationPageController {

    private final Organizations organizations;
    private final Members members;
    private final OrganizationScope scope;
    private final MessageSource messages;

    OrganizationPageController(Organizations organizations, Members members, OrganizationScope scope,
            MessageSource messages) {
        this.organizations = organizations;
        this.members = members;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    String tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate on = asOf == null ? LocalDate.now() : asOf;
        List<OrganizationId> roots = scope.seesEverything() ? List.of() : scope.visibleRoots();
        model.addAttribute("asOf", on);
        model.addAttribute("tree", !scope.seesEverything() && roots.isEmpty() ? List.of()
                : organizations.tree(on, roots));
        return "organizations/list";
    }

    /** The bloc's size, loaded into the home page with htmx. */
    @GetMapping("/organizations/summary")
    @PreAuthorize("isAuthenticated()")
    String summary(Model model) {
        model.addAttribute("counts", organizations.counts());
        model.addAttribute("bloc", organizations.bloc().orElse(null));
        return "organizations/summary :: summary";
    }

    @GetMapping("/organizations/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    String organization(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        OrganizationId organizationId = new OrganizationId(id);
        OrganizationSummary organization = organizations.find(organizationId)
                .orElseThrow(() -> new OrganizationRejected(org.springframework.http.HttpStatus.NOT_FOUND,
                        "organization-unknown", "id", id));
        LocalDate on = asOf == null ? LocalDate.now() : asOf;
        model.addAttribute("organization", organization);
        model.addAttribute("parent", organization.parentId() == null ? null
                : organizations.find(organization.parentId()).filter(p -> scope.canSeeOrganization(p.id().value()))
                        .orElse(null));
        model.addAttribute("asOf", on);
        model.addAttribute("members", members.list(organizationId, false, on).stream().map(scope::redact).toList());
        model.addAttribute("roles", organizations.roles(organizationId, on));
        model.addAttribute("history", organizations.history(organizationId));
        model.addAttribute("children", organizations.tree(on, List.of(organizationId)).stream()
                .flatMap(n -> n.children().stream()).toList());
        boolean canChange = !organization.dissolved() && scope.canChangeOrganization(id);
        boolean admin = scope.isAdmin();
        model.addAttribute("canChange", canChange);
        model.addAttribute("admin", admin && !organization.dissolved());
        model.addAttribute("today", LocalDate.now());
        if (canChange) {
            model.addAttribute("subtreeMembers", members.list(organizationId, true, on));
            model.addAttribute("roleKinds", org.cadre.organizations.OrganizationRole.values());
            model.addAttribute("sexes", org.cadre.organizations.Sex.values());
        }
        if (admin) {
            model.addAttribute("parents", organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(organizationId)
                            && o.kind() != OrganizationKind.CHAPTER && o.kind() != OrganizationKind.GRASSROOTS_CHAPTER)
                    .toList());
            model.addAttribute("kinds", OrganizationKind.values());
        }
        return "organizations/organization";
    }

    @GetMapping("/members")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        List<MemberSummary> found = List.of();
        if (query != null && !query.isBlank() && (scope.seesEverything() || !scope.visibleRoots().isEmpty())) {
            found = members.search(query, scope.seesEverything() ? List.of() : scope.visibleRoots(), 100).stream()
                    .map(scope::redact).toList();
        }
        model.addAttribute("found", found);
        return "organizations/search";
    }

    @GetMapping("/members/me")
    @PreAuthorize("hasRole('MEMBER')")
    String me() {
        return scope.self().map(id -> "redirect:/members/" + id).orElse("redirect:/");
    }

    @GetMapping("/members/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER', 'MEMBER') and @orgScope.canSeeMember(#id)")
    String member(@PathVariable UUID id, Model model) {
        MemberSummary member = members.find(new MemberId(id)).map(scope::redact)
                .orElseThrow(() -> new OrganizationRejected(org.springframework.http.HttpStatus.NOT_FOUND,
                        "member-unknown", "id", id));
        model.addAttribute("member", member);
        model.addAttribute("history", members.history(member.id()));
        boolean canChange = scope.canChangeMember(id);
        model.addAttribute("canChange", canChange);
        if (canChange) {
            model.addAttribute("targets", organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(member.organizationId()))
                    .filter(o -> o.kind() == OrganizationKind.CHAPTER || o.kind() == OrganizationKind.GRASSROOTS_CHAPTER)
                    .toList());
            model.addAttribute("today", LocalDate.now());
            model.addAttribute("changes", member.probationary()
                    ? List.of("CONFIRM", "EXEMPT", "SUSPEND", "REINSTATE", "LEFT", "REMOVED", "DECEASED")
                    : List.of("EXEMPT", "SUSPEND", "REINSTATE", "LEFT", "REMOVED", "DECEASED"));
        }
        return "organizations/member";
    }

    @PostMapping("/members/{id}/transfer")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    String transfer(@PathVariable UUID id, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Locale locale,
            RedirectAttributes redirect) {
        OrganizationId from = members.find(new MemberId(id)).map(MemberSummary::organizationId).orElseThrow();
        try {
            members.transfer(new MemberId(id), new TransferMember(organizationId, on));
        } catch (OrganizationRejected e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getDetailMessageCode(),
                    e.getDetailMessageArguments(), locale));
            return "redirect:/members/" + id;
        }
        redirect.addFlashAttribute("notice", messages.getMessage("member.transferred", null, locale));
        // the member may have left the caller's scope: back to the organization they left
        return "redirect:/organizations/" + from;
    }
}
