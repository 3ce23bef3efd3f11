package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment on a member asked of another chapter, and its answer once given.
 *
 * @param organization     the member's chapter, which asked
 * @param asked            the chapter asked
 * @param kind             {@code TRANSFERRED} (the chapter the member came from during the year) or {@code TEMPORARY}
 *                         (the chapter of their temporary activity)
 * @param stance           {@code POSITIVE}, {@code CONCERN} or {@code NEGATIVE}; {@code null} until answered
 */
public record CommentRequestView(UUID id, UUID cycle, int year, UUID member, String cardNumber, String fullName,
        UUID organization, String organizationName, UUID asked, String askedName, String kind, String askedBy,
        Instant askedAt, String stance, String text, String answeredBy, Instant answeredAt) {

    public boolean answered() {
        return answeredAt != null;
    }
}
