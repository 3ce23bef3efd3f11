package org.cadre.ratingrules;

import java.time.Instant;

/** One change in the registry: who, when, what. */
public record AuditEntry(long id, Instant at, String actor, String action, String packId, Integer version,
        String detail) {
}
