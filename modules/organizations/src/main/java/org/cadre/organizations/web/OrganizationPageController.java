package org.cadre.organizations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TreeNode;
import org.cadre.organizations.web.OrganizationRoles.IsMember;
import org.cadre.organizations.web.OrganizationRoles.ReadsMember;
import org.cadre.organizations.web.OrganizationRoles.ReadsTree;
import org.cadre.organizations.web.OrganizationRoles.SignedIn;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of the organization tree and of members, rendered inside the shell's layout, limited to the caller's scope. */
@Controller
class OrganizationPageController {

    private final Organizations organizations;
    private final Members members;
    private final OrganizationAccess access;
    private final Clock clock;

    OrganizationPageController(Organizations organizations, Members members, OrganizationAccess access,
            Clock clock) {
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/organizations")
    @ReadsTree
    String tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller, Model model) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        model.addAttribute("asOf", on);
        model.addAttribute("tree", organizations.tree(on, access.visibility(caller)));
        return "organizations/list";
    }

    /** The bloc's size, loaded into the home page with htmx. */
    @GetMapping("/organizations/summary")
    @SignedIn
    String summary(Model model) {
        model.addAttribute("counts", organizations.counts());
        model.addAttribute("bloc", organizations.bloc().orElse(null));
        return "organizations/summary :: summary";
    }

    @GetMapping("/organizations/{id}")
    @ReadsTree
    String organization(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller, Model model) {
        OrganizationId organizationId = new OrganizationId(id);
        access.requireSee(caller, organizationId);
        OrganizationSummary organization = organizations.find(organizationId)
                .orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = asOf == null ? today : asOf;
        model.addAttribute("organization", organization);
        model.addAttribute("parent", organization.parentId() == null ? null
                : organizations.find(organization.parentId()).filter(p -> access.maySee(caller, p.id()))
                        .orElse(null));
        model.addAttribute("asOf", on);
        model.addAttribute("members", access.redact(caller, members.list(organizationId, false, on)));
        model.addAttribute("roles", organizations.roles(organizationId, on));
        model.addAttribute("history", organizations.history(organizationId));
        model.addAttribute("children", organizations.subtree(organizationId, on).map(TreeNode::children)
                .orElse(List.of()));
        boolean canChange = !organization.dissolved() && access.mayChange(caller, organizationId);
        boolean admin = caller.has(Role.ADMIN) && !organization.dissolved();
        model.addAttribute("canChange", canChange);
        model.addAttribute("admin", admin);
        model.addAttribute("holdsMembers", organization.kind().holdsMembers());
        model.addAttribute("today", today);
        if (canChange) {
            model.addAttribute("subtreeMembers", members.list(organizationId, true, on));
            model.addAttribute("roleKinds", OrganizationRole.values());
            model.addAttribute("sexes", Sex.values());
        }
        if (admin) {
            model.addAttribute("parents", organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(organizationId)
                            && organization.kind().mayBeUnder(o.kind()))
                    .toList());
            model.addAttribute("kinds", List.of(OrganizationKind.values()).stream()
                    .filter(k -> k.mayBeUnder(organization.kind())).toList());
        }
        return "organizations/organization";
    }

    @GetMapping("/members")
    @ReadsTree
    String search(@RequestParam(name = "q", required = false) String query, Caller caller, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        List<MemberSummary> found = query == null || query.isBlank() ? List.of()
                : access.redact(caller, members.search(query, access.visibility(caller), 100));
        model.addAttribute("found", found);
        return "organizations/search";
    }

    @GetMapping("/members/me")
    @IsMember
    String me(Caller caller) {
        return caller.member().map(id -> "redirect:/members/" + id).orElse("redirect:/");
    }

    @GetMapping("/members/{id}")
    @ReadsMember
    String member(@PathVariable UUID id, Caller caller, Model model) {
        MemberId memberId = new MemberId(id);
        access.requireSee(caller, memberId);
        MemberSummary member = members.find(memberId).map(m -> access.redact(caller, m))
                .orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, id));
        model.addAttribute("member", member);
        model.addAttribute("history", members.history(member.id()));
        boolean canChange = access.mayChange(caller, memberId);
        model.addAttribute("canChange", canChange);
        if (canChange) {
            model.addAttribute("targets", organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(member.organizationId())
                            && o.kind().holdsMembers())
                    .toList());
            model.addAttribute("today", LocalDate.now(clock));
            model.addAttribute("changes", member.probationary()
                    ? List.of("CONFIRM", "EXEMPT", "SUSPEND", "REINSTATE", "LEFT", "REMOVED", "DECEASED")
                    : List.of("EXEMPT", "SUSPEND", "REINSTATE", "LEFT", "REMOVED", "DECEASED"));
        }
        return "organizations/member";
    }
}
