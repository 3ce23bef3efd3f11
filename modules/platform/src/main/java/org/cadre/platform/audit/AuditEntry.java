package org.cadre.platform.audit;

import java.time.Instant;
import org.cadre.platform.AuditLine;

/** A recorded line with who and when: {@code username} is empty for work no user asked for. */
record AuditEntry(long id, Instant recordedAt, String username, String roles, AuditLine line) {
}
