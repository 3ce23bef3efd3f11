package org.cadre.commitments;

/** What was reviewed (quy định, quy chế, nội quy). Labels: {@code commitments.regulation.kind.<NAME>}. */
public enum RegulationKind {
    REGULATION,
    RULE,
    INTERNAL_RULE
}
