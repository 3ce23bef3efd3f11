package org.cadre.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.identity.AccessTokenView;
import org.cadre.identity.AccessTokens;
import org.cadre.identity.CreatedAccessToken;
import org.cadre.identity.IdentityRefusal;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Access tokens in the {@code identity} schema, made, listed and revoked by their owners: see {@link AccessTokens}. */
@Service
class AccessTokenStore implements AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenStore.class);
    private static final String VIEW = """
            SELECT t.id, u.username, t.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
            FROM identity.access_token t JOIN identity.app_user u ON u.id = t.user_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessTokenStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedAccessToken create(String name, Integer days, Caller caller) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new Refused(IdentityRefusal.TOKEN_NAME_REQUIRED);
        }
        if (label.length() > MAX_NAME_LENGTH) {
            throw new Refused(IdentityRefusal.TOKEN_NAME_TOO_LONG, MAX_NAME_LENGTH);
        }
        int lasting = days == null ? DEFAULT_DAYS : days;
        if (lasting < 1 || lasting > MAX_DAYS) {
            throw new Refused(IdentityRefusal.TOKEN_DAYS_OUT_OF_RANGE, MAX_DAYS);
        }
        UUID owner = userId(caller);
        UUID id = UUID.randomUUID();
        // stored to the second, so the page shows what the table holds
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = created.plus(Duration.ofDays(lasting));
        String token = TokenSecrets.generate();
        jdbc.sql("""
                INSERT INTO identity.access_token (id, user_id, name, token_hash, created_at, expires_at)
                VALUES (:id, :user, :name, :hash, :created, :expires)
                """)
                .param("id", id).param("user", owner).param("name", label).param("hash", TokenSecrets.hash(token))
                .param("created", utc(created)).param("expires", utc(expires)).update();
        log.info("Access token '{}' ({}) created for '{}', expires {}", label, id, caller.username(), expires);
        return new CreatedAccessToken(token,
                new AccessTokenView(id, caller.username(), label, created, expires, null, null));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessTokenView> list(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return jdbc.sql(VIEW + " ORDER BY t.created_at DESC, t.id").query(AccessTokenStore::view).list();
        }
        return jdbc.sql(VIEW + " WHERE lower(u.username) = lower(:u) ORDER BY t.created_at DESC, t.id")
                .param("u", caller.username()).query(AccessTokenStore::view).list();
    }

    @Override
    @Transactional
    public void revoke(UUID id, Caller caller) {
        AccessTokenView token = find(id)
                // another user's token reads as unknown: its existence is none of the caller's business
                .filter(t -> t.owner().equalsIgnoreCase(caller.username()) || caller.has(Role.ADMIN))
                .orElseThrow(() -> new Refused(IdentityRefusal.TOKEN_UNKNOWN, id));
        if (token.revokedAt() != null) {
            throw new Refused(IdentityRefusal.TOKEN_ALREADY_REVOKED, token.name());
        }
        jdbc.sql("UPDATE identity.access_token SET revoked_at = :now WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", id).update();
        log.info("Access token '{}' ({}) of '{}' revoked by '{}'", token.name(), id, token.owner(),
                caller.username());
    }

    private Optional<AccessTokenView> find(UUID id) {
        return jdbc.sql(VIEW + " WHERE t.id = :id FOR UPDATE OF t").param("id", id)
                .query(AccessTokenStore::view).optional();
    }

    private UUID userId(Caller caller) {
        return jdbc.sql("SELECT id FROM identity.app_user WHERE lower(username) = lower(:u)")
                .param("u", caller.username()).query(UUID.class).optional()
                .orElseThrow(() -> new IllegalStateException("A signed-in caller without a user account"));
    }

    private static AccessTokenView view(ResultSet rs, int row) throws SQLException {
        return new AccessTokenView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("name"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
