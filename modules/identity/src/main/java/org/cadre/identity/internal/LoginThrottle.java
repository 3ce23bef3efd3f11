package org.cadre.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing, in the database so that all instances share it:
 * <ul>
 * <li>per user name <em>and</em> source address: after a number of consecutive failures, every further failure
 * blocks that name from that address for a doubling delay. Someone elsewhere cannot lock a name out of the place
 * its owner signs in from;</li>
 * <li>per source address across user names: too many failures within a window block the address for a while,
 * whatever name it tries next.</li>
 * </ul>
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

    /** How long sign-ins of the name from the source stay blocked, if they are blocked now. */
    @Transactional(readOnly = true)
    Optional<Duration> blockedFor(String username, String source) {
        Instant now = clock.instant();
        Optional<Instant> name = jdbc.sql(
                        "SELECT blocked_until FROM identity.login_attempt WHERE username = :u AND source = :s")
                .param("u", name(username)).param("s", source(source))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
        Optional<Instant> address = jdbc.sql("SELECT blocked_until FROM identity.login_source WHERE source = :s")
                .param("s", source(source))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
        return Stream.of(name, address).flatMap(Optional::stream).filter(until -> until.isAfter(now))
                .max(Instant::compareTo).map(until -> Duration.between(now, until));
    }

    /** Records a failure and returns the number of consecutive failures of the name from the source so far. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int failed(String username, String source) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int failures = jdbc.sql("""
                INSERT INTO identity.login_attempt (username, source, failures, last_failure_at)
                VALUES (:u, :s, 1, :now)
                ON CONFLICT (username, source) DO UPDATE
                    SET failures = login_attempt.failures + 1, last_failure_at = excluded.last_failure_at
                RETURNING failures
                """).param("u", name(username)).param("s", source(source)).param("now", now)
                .query(Integer.class).single();
        int beyond = failures - properties.freeAttempts();
        if (beyond >= 0) {
            Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(beyond, 20));
            if (delay.compareTo(properties.maxDelay()) > 0) {
                delay = properties.maxDelay();
            }
            jdbc.sql("UPDATE identity.login_attempt SET blocked_until = :until WHERE username = :u AND source = :s")
                    .param("until", now.plus(delay)).param("u", name(username)).param("s", source(source))
                    .update();
        }
        countForSource(source, now);
        return failures;
    }

    /** A success clears the name's count from that source; the source's own count stays until its window ends. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username, String source) {
        jdbc.sql("DELETE FROM identity.login_attempt WHERE username = :u AND source = :s")
                .param("u", name(username)).param("s", source(source)).update();
    }

    private void countForSource(String source, OffsetDateTime now) {
        int failures = jdbc.sql("""
                INSERT INTO identity.login_source (source, failures, window_started_at)
                VALUES (:s, 1, :now)
                ON CONFLICT (source) DO UPDATE
                    SET failures = CASE WHEN login_source.window_started_at < :windowStart THEN 1
                                        ELSE login_source.failures + 1 END,
                        window_started_at = CASE WHEN login_source.window_started_at < :windowStart THEN :now
                                                 ELSE login_source.window_started_at END
                RETURNING failures
                """).param("s", source(source)).param("now", now)
                .param("windowStart", now.minus(properties.sourceWindow())).query(Integer.class).single();
        if (failures >= properties.sourceAttempts()) {
            jdbc.sql("UPDATE identity.login_source SET blocked_until = :until WHERE source = :s")
                    .param("until", now.plus(properties.sourceBlock())).param("s", source(source)).update();
        }
    }

    private static String name(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String source(String source) {
        String address = source == null || source.isBlank() ? "unknown" : source.trim();
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
