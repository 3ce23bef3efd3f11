package org.cadre.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An access token as its owner (or an administrator) sees it: never the token itself.
 *
 * @param owner      the user name of the user it signs in as
 * @param lastUsedAt when it last signed a call in, to the minute; {@code null} if never
 * @param revokedAt  when it was revoked, or {@code null}
 */
public record AccessTokenView(UUID id, String owner, String name, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    /** Whether it still signs calls in at that instant (as far as the token goes; its owner may be disabled). */
    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** {@code active}, {@code revoked} or {@code expired}: the page shows it in the reader's language. */
    public String status(Instant now) {
        return revokedAt != null ? "revoked" : expiresAt.isAfter(now) ? "active" : "expired";
    }
}
