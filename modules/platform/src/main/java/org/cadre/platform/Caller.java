package org.cadre.platform;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the user name, the roles, and what the user is linked to (the party member they are, the root of
 * the organization subtree they work in, the coordinating body they speak for). Every module reads the caller as
 * this typed value, never from authority strings; the identity module is the only one that builds it at sign-in.
 * Which organizations a caller may see or change is answered by the organizations module from these ids.
 *
 * <p>Serializable: it is the principal of the authentication kept in the database session.
 */
public final class Caller implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Caller ANONYMOUS = new Caller("", EnumSet.noneOf(Role.class), null, null, null);

    private final String username;
    private final Set<Role> roles;
    private final UUID member;
    private final UUID organizationScope;
    private final UUID coordinatingBody;

    /**
     * @param member            the party member the user is, or {@code null}
     * @param organizationScope the root of the organization subtree the user works in, or {@code null}
     * @param coordinatingBody  the coordinating body the user speaks for, or {@code null}
     */
    public Caller(String username, Set<Role> roles, UUID member, UUID organizationScope, UUID coordinatingBody) {
        this.username = Objects.requireNonNull(username, "username");
        this.roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.member = member;
        this.organizationScope = organizationScope;
        this.coordinatingBody = coordinatingBody;
    }

    /** Nobody signed in: no roles, no links. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** A caller with roles and no links (an administrator, evaluation staff, a test). */
    public static Caller of(String username, Role... roles) {
        return new Caller(username, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles)),
                null, null, null);
    }

    public Caller withOrganizationScope(UUID organization) {
        return new Caller(username, roles, member, organization, coordinatingBody);
    }

    public Caller withMember(UUID linkedMember) {
        return new Caller(username, roles, linkedMember, organizationScope, coordinatingBody);
    }

    public Caller withCoordinatingBody(UUID body) {
        return new Caller(username, roles, member, organizationScope, body);
    }

    public String username() {
        return username;
    }

    public boolean isAnonymous() {
        return username.isEmpty();
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    public boolean hasAny(Set<Role> any) {
        return any.stream().anyMatch(roles::contains);
    }

    /** The party member the user is, when they have the member role and a linked member. */
    public Optional<UUID> member() {
        return has(Role.MEMBER) ? Optional.ofNullable(member) : Optional.empty();
    }

    /** The root of the subtree a secretary works in, when they have the secretary role. */
    public Optional<UUID> organizationScope() {
        return has(Role.SECRETARY) ? Optional.ofNullable(organizationScope) : Optional.empty();
    }

    /** The coordinating body a reviewer speaks for, when they have the reviewer role. */
    public Optional<UUID> coordinatingBody() {
        return has(Role.REVIEWER) ? Optional.ofNullable(coordinatingBody) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that && username.equals(that.username) && roles.equals(that.roles)
                && Objects.equals(member, that.member) && Objects.equals(organizationScope, that.organizationScope)
                && Objects.equals(coordinatingBody, that.coordinatingBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, roles, member, organizationScope, coordinatingBody);
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : username + roles;
    }
}
