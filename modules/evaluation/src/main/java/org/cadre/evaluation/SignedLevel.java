package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * The level a subject holds by a signed decision of the competent level (for appeals): the decision, the level
 * (null when the subject was excluded or pending), when it was signed and which organization's committee signed it.
 */
public record SignedLevel(UUID decisionId, String level, Instant signedAt, UUID competentId) {
}
