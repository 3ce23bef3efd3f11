package org.cadre.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after a number of consecutive failures for a user name, every further failure
 * blocks that name for a doubling delay. The state is in the database, so all instances share it.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the name stays blocked, if it is blocked now. */
    @Transactional(readOnly = true)
    Optional<Duration> blockedFor(String username) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM identity.login_attempt WHERE username = :u")
                .param("u", key(username))
                .query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Records a failure and returns the number of consecutive failures so far. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int failed(String username) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int failures = jdbc.sql("""
                INSERT INTO identity.login_attempt (username, failures, last_failure_at)
                VALUES (:u, 1, :now)
                ON CONFLICT (username) DO UPDATE
                    SET failures = login_attempt.failures + 1, last_failure_at = excluded.last_failure_at
                RETURNING failures
                """).param("u", key(username)).param("now", now).query(Integer.class).single();
        int beyond = failures - properties.freeAttempts();
        if (beyond >= 0) {
            Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(beyond, 20));
            if (delay.compareTo(properties.maxDelay()) > 0) {
                delay = properties.maxDelay();
            }
            jdbc.sql("UPDATE identity.login_attempt SET blocked_until = :until WHERE username = :u")
                    .param("until", now.plus(delay)).param("u", key(username)).update();
        }
        return failures;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        jdbc.sql("DELETE FROM identity.login_attempt WHERE username = :u").param("u", key(username)).update();
    }

    private static String key(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
