package org.cadre.evaluation;

import java.time.Instant;

/**
 * One change of a cycle's status, as its history shows it: who closed or reopened it, when, and (for a reopening)
 * why.
 */
public record CycleStatusChange(CycleStatus status, String changedBy, Instant changedAt, String reason) {
}
