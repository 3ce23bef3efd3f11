package org.cadre.evaluation.internal.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who and what a cycle's inputs are about, and who may enter them. A member is in the cycle when on the rolls of an
 * organization of the cycle's scope at the year's end; an organization when it is in the scope's tree then. Evaluation
 * staff and administrators enter inputs for anyone of the cycle; a secretary for the members and organizations of
 * their own subtree (as the organizations facade answers it); members and reviewers enter none.
 */
@Component
class InputScope {

    private final Members members;
    private final Organizations organizations;
    private final OrganizationAccess access;

    InputScope(Members members, Organizations organizations, OrganizationAccess access) {
        this.members = members;
        this.organizations = organizations;
        this.access = access;
    }

    /** Evaluation staff and administrators: every subject of a cycle. */
    static boolean entersAnywhere(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.EVALUATOR);
    }

    static void requireStaff(Caller caller) {
        if (!entersAnywhere(caller)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
    }

    /** Staff, or a secretary (for their subtree); anyone else is refused outright. */
    static void requireEnters(Caller caller) {
        if (!entersAnywhere(caller) && caller.organizationScope().isEmpty()) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
    }

    /** The member, who must be in the cycle and in the caller's reach. */
    MemberSummary requireMember(InputCycle cycle, UUID member, Caller caller) {
        requireEnters(caller);
        MemberSummary found = memberOf(cycle, member)
                .orElseThrow(() -> new Refused(EvaluationRefusal.MEMBER_UNKNOWN, String.valueOf(member)));
        if (!entersAnywhere(caller) && !access.mayChange(caller, found.id())) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return found;
    }

    /** The organization, which must be in the cycle's tree and in the caller's reach. */
    OrganizationSummary requireOrganization(InputCycle cycle, UUID organization, Caller caller) {
        requireEnters(caller);
        OrganizationSummary found = organizationOf(cycle, organization)
                .orElseThrow(() -> new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, String.valueOf(organization)));
        if (!entersAnywhere(caller) && !access.mayChange(caller, found.id())) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return found;
    }

    Optional<MemberSummary> memberOf(InputCycle cycle, UUID member) {
        if (member == null) {
            return Optional.empty();
        }
        Optional<MemberSummary> found = members.find(new MemberId(member));
        if (found.isEmpty()) {
            return found;
        }
        // cheap first: still in the organization they were in at the year's end; else the scope's rolls then
        List<MemberSummary> there = members.list(found.get().organizationId(), false, cycle.yearEnd());
        if (there.stream().anyMatch(m -> m.id().value().equals(member))
                && inTree(cycle, found.get().organizationId().value())) {
            return there.stream().filter(m -> m.id().value().equals(member)).findFirst();
        }
        return members.list(new OrganizationId(cycle.scope()), true, cycle.yearEnd()).stream()
                .filter(m -> m.id().value().equals(member)).findFirst();
    }

    Optional<OrganizationSummary> organizationOf(InputCycle cycle, UUID organization) {
        if (organization == null || !inTree(cycle, organization)) {
            return Optional.empty();
        }
        return organizations.find(new OrganizationId(organization));
    }

    private boolean inTree(InputCycle cycle, UUID organization) {
        return tree(cycle).stream().anyMatch(o -> o.id().value().equals(organization));
    }

    /** The organizations of the cycle's scope at the year's end, in tree order. */
    List<OrganizationSummary> tree(InputCycle cycle) {
        List<OrganizationSummary> out = new ArrayList<>();
        organizations.subtree(new OrganizationId(cycle.scope()), cycle.yearEnd()).ifPresent(node -> collect(node, out));
        return out;
    }

    /** The organizations of the cycle the caller may enter inputs for, in tree order. */
    List<OrganizationSummary> reachable(InputCycle cycle, Caller caller) {
        requireEnters(caller);
        List<OrganizationSummary> tree = tree(cycle);
        if (entersAnywhere(caller)) {
            return tree;
        }
        // a secretary: the part of the cycle's tree under their own organization, read once
        List<OrganizationSummary> theirs = new ArrayList<>();
        caller.organizationScope().flatMap(root -> organizations.subtree(new OrganizationId(root), cycle.yearEnd()))
                .ifPresent(node -> collect(node, theirs));
        java.util.Set<OrganizationId> ids = new java.util.HashSet<>();
        theirs.forEach(o -> ids.add(o.id()));
        return tree.stream().filter(o -> ids.contains(o.id())).toList();
    }

    /** The members of the cycle's scope at the year's end (one query), for an import. */
    List<MemberSummary> members(InputCycle cycle) {
        return members.list(new OrganizationId(cycle.scope()), true, cycle.yearEnd());
    }

    /** The members on the rolls of one organization at the year's end. */
    List<MemberSummary> membersOf(InputCycle cycle, OrganizationSummary organization) {
        return members.list(organization.id(), false, cycle.yearEnd());
    }

    private static void collect(TreeNode node, List<OrganizationSummary> out) {
        out.add(node.organization());
        node.children().forEach(child -> collect(child, out));
    }
}
