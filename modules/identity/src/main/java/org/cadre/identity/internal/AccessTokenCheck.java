package org.cadre.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.platform.security.BearerTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs an API call in with an access token: one query by the token's hash, which also reads the owner as they are
 * now (enabled, roles, scope), so a token never outlives its owner's rights. This runs on every call of a script,
 * so it writes only when the token's last use is more than a minute old.
 */
@Component
class AccessTokenCheck implements BearerTokens {

    /** How stale {@code last_used_at} may get: a script calling many times a second writes once a minute. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessTokenCheck(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // No transaction: a single read, and the write below stands alone (a lost race only repeats the same write).
    @Override
    public Optional<Caller> caller(String token) {
        if (!TokenSecrets.wellFormed(token)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, t.last_used_at, u.username, u.member_id, u.organization_id, u.coordinating_body_id,
                       (SELECT string_agg(r.role, ',') FROM identity.user_role r WHERE r.user_id = u.id) AS roles
                FROM identity.access_token t JOIN identity.app_user u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
                """)
                .param("hash", TokenSecrets.hash(token)).param("now", now)
                .query((rs, row) -> new Found(rs.getObject("id", UUID.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        new Caller(rs.getString("username"), roles(rs.getString("roles")),
                                rs.getObject("member_id", UUID.class), rs.getObject("organization_id", UUID.class),
                                rs.getObject("coordinating_body_id", UUID.class))))
                .optional();
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().toInstant()
                        .isBefore(now.toInstant().minus(LAST_USED_PRECISION)))
                .ifPresent(f -> touch(f.id(), now));
        return found.map(Found::caller);
    }

    private void touch(UUID id, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE identity.access_token SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)
                """).param("now", now).param("id", id).param("stale", now.minus(LAST_USED_PRECISION)).update();
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : StringUtils.commaDelimitedListToStringArray(names)) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }

    private record Found(UUID id, OffsetDateTime lastUsedAt, Caller caller) {
    }
}
