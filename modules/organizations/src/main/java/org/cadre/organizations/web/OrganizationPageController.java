package org.cadre.organizations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberChange;
import org.cadre.organizations.MemberSearch;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TransferOut;
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
import org.cadre.organizations.OrganizationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.Edits;
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
    private final Edits edits;

    OrganizationPageController(Organizations organizations, Members members, OrganizationAccess access,
            Clock clock, Edits edits) {
        this.edits = edits;
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

    /** Members listed on an organization's page at a time. */
    static final int MEMBERS_PER_PAGE = 50;
    /** The most members a role form offers in a list; beyond it the form takes a card number. */
    static final int PICKER_LIMIT = 300;

    @GetMapping("/organizations/{id}")
    @ReadsTree
    String organization(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "1") int page, Caller caller, Model model) {
        OrganizationId organizationId = new OrganizationId(id);
        access.requireSee(caller, organizationId);
        OrganizationSummary organization = organizations.find(organizationId)
                .orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = asOf == null ? today : asOf;
        model.addAttribute("organization", organization);
        // the rename and agency forms carry the version they were loaded with
        model.addAttribute("detailsVersion", edits.current(OrganizationEdits.details(organizationId)));
        model.addAttribute("parent", organization.parentId() == null ? null
                : organizations.find(organization.parentId()).filter(p -> access.maySee(caller, p.id()))
                        .orElse(null));
        model.addAttribute("asOf", on);
        boolean holdsMembers = organization.kind().holdsMembers();
        // a committee records no member itself: its page lists the members of its subtree, with their chapter;
        // a page of members at a time, read as a page: a bloc's 3,600 in one table would take seconds to reach a phone
        MemberSearch roll = members.roll(organizationId, !holdsMembers, on, page, MEMBERS_PER_PAGE);
        List<MemberSummary> listed = access.redact(caller, roll.members());
        model.addAttribute("members", listed);
        model.addAttribute("memberTotal", roll.total());
        model.addAttribute("memberPage", roll.page());
        model.addAttribute("memberPages", roll.pages());
        model.addAttribute("places", holdsMembers ? Map.of()
                : organizations.labels(listed.stream().map(MemberSummary::organizationId).distinct().toList()));
        List<RoleAssignment> roles = organizations.roles(organizationId, on);
        model.addAttribute("roles", roles);
        List<TransferOut> left = members.transfersOut(organizationId, true);
        model.addAttribute("transfersOut", left);
        model.addAttribute("history", organizations.history(organizationId));
        model.addAttribute("children", organizations.subtree(organizationId, on).map(TreeNode::children)
                .orElse(List.of()));
        boolean canChange = !organization.dissolved() && access.mayChange(caller, organizationId);
        boolean admin = caller.has(Role.ADMIN) && !organization.dissolved();
        model.addAttribute("canChange", canChange);
        model.addAttribute("admin", admin);
        model.addAttribute("holdsMembers", holdsMembers);
        model.addAttribute("today", today);
        boolean administrator = caller.has(Role.ADMIN);
        // a cancellation is offered to the entry's recorder and to administrators, where the caller may change
        model.addAttribute("cancellableRoles", !canChange ? Set.of() : roles.stream()
                .filter(r -> administrator || caller.username().equals(r.recordedBy())).map(RoleAssignment::id)
                .collect(Collectors.toSet()));
        model.addAttribute("cancellableTransfers", !canChange ? Set.of() : left.stream()
                .filter(t -> t.latest() && (administrator || caller.username().equals(t.recordedBy())))
                .map(TransferOut::member).collect(Collectors.toSet()));
        if (canChange) {
            // past a few hundred, a list to scroll is no choice at all: the form asks for the card number (counted
            // first, so a committee's thousands are not read for a list that is not shown)
            int candidates = holdsMembers ? members.count(organizationId, true, on) : roll.total();
            boolean byCard = candidates > PICKER_LIMIT;
            model.addAttribute("subtreeMembers", byCard ? List.of() : members.list(organizationId, true, on));
            model.addAttribute("pickByCard", byCard);
            model.addAttribute("roleKinds", OrganizationRole.values());
            model.addAttribute("sexes", Sex.values());
        }
        if (admin) {
            model.addAttribute("parents", labelled(organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(organizationId)
                            && organization.kind().mayBeUnder(o.kind()))
                    .toList()));
            model.addAttribute("kinds", List.of(OrganizationKind.values()).stream()
                    .filter(k -> k.mayBeUnder(organization.kind())).toList());
        }
        return "organizations/organization";
    }

    /** Results per page of a search. */
    static final int PAGE_SIZE = 20;

    @GetMapping("/members")
    @ReadsTree
    String search(@RequestParam(name = "q", required = false) String query,
            @RequestParam(defaultValue = "1") int page, Caller caller, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        MemberSearch result = query == null || query.isBlank() ? new MemberSearch(List.of(), 0, 1, PAGE_SIZE)
                : members.search(query, access.visibility(caller), Math.max(1, page), PAGE_SIZE);
        List<MemberSummary> found = access.redact(caller, result.members());
        model.addAttribute("result", result);
        model.addAttribute("found", found);
        // namesakes told apart by their chapter with its committee, and their year of birth
        model.addAttribute("places", organizations.labels(found.stream().map(MemberSummary::organizationId)
                .distinct().toList()));
        return "organizations/search";
    }

    /** Organizations for a picker: with the parent's name beside theirs, in that order. */
    private List<Labelled> labelled(List<OrganizationSummary> choices) {
        Map<OrganizationId, String> labels = organizations.labels(choices.stream().map(OrganizationSummary::id)
                .toList());
        return choices.stream().map(o -> new Labelled(o.id(), o.code(), labels.getOrDefault(o.id(), o.name())))
                .sorted(Comparator.comparing(Labelled::label)).toList();
    }

    /** An organization as a picker offers it. */
    record Labelled(OrganizationId id, String code, String label) {
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
        // the correct form carries the version it was loaded with: a save after someone else's is refused
        model.addAttribute("detailsVersion", edits.current(OrganizationEdits.memberDetails(memberId)));
        List<HistoryEntry> history = members.history(member.id());
        model.addAttribute("history", history);
        boolean canChange = access.mayChange(caller, memberId);
        model.addAttribute("canChange", canChange);
        boolean administrator = caller.has(Role.ADMIN);
        // the latest transfer or status change, to its recorder or an administrator
        model.addAttribute("cancellable", history.stream().filter(h -> canChange && h.latest()
                        && (administrator || caller.username().equals(h.recordedBy())))
                .map(HistoryEntry::what).collect(Collectors.toSet()));
        model.addAttribute("onRolls", member.status().isMember());
        if (canChange) {
            model.addAttribute("targets", labelled(organizations.list().stream()
                    .filter(o -> !o.dissolved() && !o.id().equals(member.organizationId())
                            && o.kind().holdsMembers())
                    .toList()));
            model.addAttribute("today", LocalDate.now(clock));
            model.addAttribute("changes", MemberChange.applicableTo(member.status(), member.probationary()));
            model.addAttribute("disciplinary", java.util.Arrays.stream(MemberChange.values())
                    .filter(MemberChange::disciplinary).toList());
        }
        return "organizations/member";
    }
}
