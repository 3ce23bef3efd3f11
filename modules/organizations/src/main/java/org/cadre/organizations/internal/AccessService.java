package org.cadre.organizations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.Visibility;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and change what, from the typed caller: administrators and evaluation staff see the whole tree; a
 * secretary sees and changes the subtree of their organization; a reviewer sees the subtrees their coordinating
 * body may comment on; a member sees their own record. Only administrators and secretaries change anything.
 */
@Service
@Transactional(readOnly = true)
class AccessService implements OrganizationAccess {

    private final OrganizationService organizations;
    private final JdbcClient jdbc;

    AccessService(OrganizationService organizations, JdbcClient jdbc) {
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @Override
    public Visibility visibility(Caller caller) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return Visibility.everything();
        }
        List<OrganizationId> roots = new ArrayList<>();
        caller.organizationScope().map(OrganizationId::new).ifPresent(roots::add);
        caller.coordinatingBody().ifPresent(body -> roots.addAll(organizations.mayCommentOn(body)));
        return Visibility.within(roots);
    }

    @Override
    public Visibility changeable(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return Visibility.everything();
        }
        return Visibility.within(caller.organizationScope().map(OrganizationId::new).stream().toList());
    }

    @Override
    public boolean maySee(Caller caller, OrganizationId organization) {
        return covers(visibility(caller), organization);
    }

    @Override
    public boolean mayChange(Caller caller, OrganizationId organization) {
        return covers(changeable(caller), organization);
    }

    @Override
    public boolean maySee(Caller caller, MemberId member) {
        if (member == null) {
            return false;
        }
        Visibility visible = visibility(caller);
        return visible.isEverything() || isSelf(caller, member) || organizationOf(member)
                .map(o -> covers(visible, o)).orElse(false);
    }

    @Override
    public boolean mayChange(Caller caller, MemberId member) {
        if (member == null) {
            return false;
        }
        Visibility changeable = changeable(caller);
        return changeable.isEverything() || organizationOf(member).map(o -> covers(changeable, o)).orElse(false);
    }

    @Override
    public void requireSee(Caller caller, OrganizationId organization) {
        if (!maySee(caller, organization)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
    }

    @Override
    public void requireChange(Caller caller, OrganizationId organization) {
        if (!mayChange(caller, organization)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
    }

    @Override
    public void requireSee(Caller caller, MemberId member) {
        if (!maySee(caller, member)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
    }

    @Override
    public void requireChange(Caller caller, MemberId member) {
        if (!mayChange(caller, member)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
    }

    /** The national ID number is for administrators, the member's secretaries and the member. */
    @Override
    public MemberSummary redact(Caller caller, MemberSummary member) {
        return redact(caller, List.of(member)).get(0);
    }

    @Override
    public List<MemberSummary> redact(Caller caller, List<MemberSummary> members) {
        Visibility changeable = changeable(caller);
        if (changeable.isEverything()) {
            return members;
        }
        // the organizations the caller changes, read once for the whole list
        Set<OrganizationId> theirs = changeable.isNothing() ? Set.of() : organizations.below(changeable.roots());
        return members.stream().map(member -> isSelf(caller, member.id()) || theirs.contains(member.organizationId())
                ? member : member.withoutNationalId()).toList();
    }

    private boolean covers(Visibility visibility, OrganizationId organization) {
        if (organization == null || visibility.isNothing()) {
            return false;
        }
        return visibility.isEverything() || organizations.within(visibility.roots(), organization);
    }

    private static boolean isSelf(Caller caller, MemberId member) {
        return caller.member().map(member.value()::equals).orElse(false);
    }

    private Optional<OrganizationId> organizationOf(MemberId member) {
        return jdbc.sql("SELECT organization_id FROM organizations.member WHERE id = :id").param("id", member.value())
                .query(UUID.class).optional().map(OrganizationId::new);
    }
}
