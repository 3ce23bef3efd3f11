package org.cadre.organizations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what, from the authorities identity gives the caller: {@code ROLE_<ROLE>},
 * {@code ORG_SCOPE_<uuid>} (the root of a secretary's subtree), {@code MEMBER_<uuid>} (the member the user is) and
 * {@code BODY_SCOPE_<uuid>} (a reviewer's coordinating body). Used in {@code @PreAuthorize} as {@code @orgScope}:
 * a forged id outside the caller's scope is refused before anything is read or written.
 */
@Component("orgScope")
public class OrganizationScope {

    private final Organizations organizations;
    private final Members members;

    OrganizationScope(Organizations organizations, Members members) {
        this.organizations = organizations;
        this.members = members;
    }

    public boolean isAdmin() {
        return has("ROLE_ADMIN");
    }

    /** Administrators and evaluation staff see the whole tree. */
    public boolean seesEverything() {
        return has("ROLE_ADMIN") || has("ROLE_EVALUATOR");
    }

    /** The roots of the subtrees the caller may see; empty for those who see everything or nothing. */
    public List<OrganizationId> visibleRoots() {
        List<OrganizationId> roots = new ArrayList<>(secretaryRoots());
        if (has("ROLE_REVIEWER")) {
            for (String body : withPrefix("BODY_SCOPE_")) {
                roots.addAll(organizations.mayCommentOn(UUID.fromString(body)));
            }
        }
        return roots;
    }

    /** The subtrees the caller may change members and roles in. */
    public List<OrganizationId> secretaryRoots() {
        if (!has("ROLE_SECRETARY")) {
            return List.of();
        }
        return withPrefix("ORG_SCOPE_").stream().map(OrganizationId::of).toList();
    }

    public boolean canSeeOrganization(UUID id) {
        return id != null && (seesEverything() || organizations.within(visibleRoots(), new OrganizationId(id)));
    }

    public boolean canChangeOrganization(UUID id) {
        return id != null && (has("ROLE_ADMIN") || organizations.within(secretaryRoots(), new OrganizationId(id)));
    }

    public boolean canSeeMember(UUID id) {
        if (id == null) {
            return false;
        }
        if (seesEverything() || isSelf(id)) {
            return true;
        }
        return organizationOf(id).map(o -> organizations.within(visibleRoots(), o)).orElse(false);
    }

    public boolean canChangeMember(UUID id) {
        if (id == null) {
            return false;
        }
        if (has("ROLE_ADMIN")) {
            return true;
        }
        return organizationOf(id).map(o -> organizations.within(secretaryRoots(), o)).orElse(false);
    }

    /** The national ID number is for administrators, the member's secretaries and the member. */
    public boolean canSeeNationalId(MemberSummary member) {
        return has("ROLE_ADMIN") || isSelf(member.id().value())
                || organizations.within(secretaryRoots(), member.organizationId());
    }

    public MemberSummary redact(MemberSummary member) {
        return canSeeNationalId(member) ? member : member.withoutNationalId();
    }

    public Optional<UUID> self() {
        return withPrefix("MEMBER_").stream().findFirst().map(UUID::fromString);
    }

    private boolean isSelf(UUID id) {
        return has("ROLE_MEMBER") && has("MEMBER_" + id);
    }

    private Optional<OrganizationId> organizationOf(UUID member) {
        return members.find(new MemberId(member)).map(MemberSummary::organizationId);
    }

    private static boolean has(String authority) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private static List<String> withPrefix(String prefix) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .filter(OrganizationScope::isUuid).toList();
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
