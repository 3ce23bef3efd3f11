package org.cadre.commitments;

/** What a regulation review decided. Labels: {@code commitments.regulation.decision.<NAME>}. */
public enum ReviewDecision {
    KEEP,
    AMEND,
    SUPPLEMENT,
    REPEAL
}
