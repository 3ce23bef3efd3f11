package org.cadre.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event publications still in flight, why their listeners failed, and their resubmission. The registry keeps
 * publications; this keeps the last error of each failed delivery ({@code events.listener_failure}), so an
 * administrator sees what went wrong without the log.
 */
@Service
public class Publications {

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final EventSerializer serializer;
    private final Clock clock;
    private final Duration staleAfter;

    Publications(JdbcClient jdbc, IncompleteEventPublications incomplete, EventSerializer serializer, Clock clock,
            @Value("${cadre.events.stale-after:5m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.serializer = serializer;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** How long a publication may stay incomplete before it counts as stuck. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /** Publications not completed, oldest first, with their listener's last error. */
    @Transactional(readOnly = true)
    public List<IncompletePublication> incomplete(int limit) {
        return jdbc.sql("""
                SELECT p.id, p.listener_id, p.event_type, p.publication_date, p.status,
                       coalesce(p.completion_attempts, 0) AS attempts,
                       f.error_type, f.error_message, f.last_failed_at
                FROM events.event_publication p
                LEFT JOIN events.listener_failure f
                       ON f.listener_id = p.listener_id AND f.event_hash = md5(p.serialized_event)
                WHERE p.completion_date IS NULL
                ORDER BY p.publication_date, p.id
                LIMIT :limit
                """).param("limit", Math.max(1, limit)).query(Publications::publication).list();
    }

    /** Publications incomplete for longer than {@link #staleAfter()}: the health warning. */
    @Transactional(readOnly = true)
    public Stuck stuck() {
        return jdbc.sql("""
                SELECT count(*) AS stuck, min(publication_date) AS oldest FROM events.event_publication
                WHERE completion_date IS NULL AND publication_date < :before
                """).param("before", OffsetDateTime.ofInstant(clock.instant().minus(staleAfter), ZoneOffset.UTC))
                .query((rs, row) -> new Stuck(rs.getInt("stuck"), instant(rs, "oldest"))).single();
    }

    /** How many publications are stuck, and since when. */
    public record Stuck(int count, Instant oldest) {
    }

    /**
     * Hands the publication to its listener again (asynchronously, as at first): after a fix, or once what it was
     * missing exists. Returns whether it was still incomplete.
     */
    public boolean resubmit(UUID id) {
        boolean found = jdbc.sql("SELECT count(*) FROM events.event_publication WHERE id = :id AND completion_date "
                + "IS NULL").param("id", id).query(Integer.class).single() > 0;
        if (found) {
            incomplete.resubmitIncompletePublications(publication -> publication.getIdentifier().equals(id));
        }
        return found;
    }

    /** Hands every stuck publication to its listener again; returns how many there were. */
    public int resubmitStuck() {
        int count = stuck().count();
        incomplete.resubmitIncompletePublicationsOlderThan(staleAfter);
        return count;
    }

    /** Records why a listener failed on an event (its own transaction: the listener's was rolled back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String listenerId, Object event, Throwable error) {
        Object serialized = serializer.serialize(event);
        String message = error.getMessage() == null ? null
                : error.getMessage().strip().lines().findFirst().orElse("");
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        jdbc.sql("""
                INSERT INTO events.listener_failure
                    (listener_id, event_hash, error_type, error_message, failures, last_failed_at)
                VALUES (:listener, :hash, :type, :message, 1, :at)
                ON CONFLICT (listener_id, event_hash) DO UPDATE
                    SET error_type = excluded.error_type, error_message = excluded.error_message,
                        failures = listener_failure.failures + 1, last_failed_at = excluded.last_failed_at
                """).param("listener", listenerId).param("hash", md5(serialized.toString()))
                .param("type", error.getClass().getName()).param("message", message)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        // errors of deliveries completed since, kept a week for whoever looks into what happened
        jdbc.sql("""
                DELETE FROM events.listener_failure f WHERE f.last_failed_at < :before AND NOT EXISTS (
                    SELECT 1 FROM events.event_publication p WHERE p.completion_date IS NULL
                    AND p.listener_id = f.listener_id AND md5(p.serialized_event) = f.event_hash)
                """).param("before", OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(7)),
                        ZoneOffset.UTC)).update();
    }

    private static IncompletePublication publication(ResultSet rs, int row) throws SQLException {
        return new IncompletePublication(rs.getObject("id", UUID.class), rs.getString("listener_id"),
                rs.getString("event_type"), instant(rs, "publication_date"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("error_type"), rs.getString("error_message"),
                instant(rs, "last_failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
