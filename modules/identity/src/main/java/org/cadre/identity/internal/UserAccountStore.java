package org.cadre.identity.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.platform.AuditLine;
import org.cadre.platform.AuditTrail;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users in the {@code identity} schema, as Spring Security reads them. */
@Service
class UserAccountStore implements UserAccounts, UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail trail;

    UserAccountStore(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail trail) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.trail = trail;
    }

    @Override
    @Transactional
    public UUID create(NewUserAccount account) {
        if (account.roles().isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role: " + account.username());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity.app_user (id, username, password_hash, display_name, member_id, organization_id,
                    coordinating_body_id)
                VALUES (:id, :username, :hash, :name, :member, :organization, :body)
                """)
                .param("id", id).param("username", account.username().trim())
                .param("hash", passwordEncoder.encode(account.rawPassword()))
                .param("name", account.displayName()).param("member", account.memberId())
                .param("organization", account.organizationId()).param("body", account.coordinatingBodyId())
                .update();
        for (Role role : account.roles()) {
            jdbc.sql("INSERT INTO identity.user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        // a user account is a grant of roles: the trail says who gave which (no event: nothing else reacts to it)
        trail.record(AuditLine.of("identity.user-created", account.username().trim(), account.organizationId(),
                account.username().trim(), account.roles().stream().map(Role::name).sorted()
                        .collect(java.util.stream.Collectors.joining(", "))));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.app_user WHERE lower(username) = lower(:u)")
                .param("u", username.trim()).query(Integer.class).single() > 0;
    }

    @Transactional(readOnly = true)
    boolean anyAdministrator() {
        return jdbc.sql("SELECT count(*) FROM identity.user_role WHERE role = 'ADMIN'")
                .query(Integer.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Optional<StoredUser> found = jdbc.sql("""
                SELECT id, username, password_hash, enabled, member_id, organization_id, coordinating_body_id
                FROM identity.app_user WHERE lower(username) = lower(:u)
                """)
                .param("u", username == null ? "" : username.trim())
                .query((rs, row) -> new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rs.getObject("member_id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getObject("coordinating_body_id", UUID.class)))
                .optional();
        StoredUser user = found.orElseThrow(() -> new UsernameNotFoundException("No such user"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM identity.user_role WHERE user_id = :id").param("id", user.id())
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        Caller caller = new Caller(user.username(), roles, user.memberId(), user.organizationId(),
                user.coordinatingBodyId());
        return new CallerUser(caller, user.passwordHash(), user.enabled());
    }

    private record StoredUser(UUID id, String username, String passwordHash, boolean enabled, UUID memberId,
            UUID organizationId, UUID coordinatingBodyId) {
    }
}
