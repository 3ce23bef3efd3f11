package org.cadre.evaluation;

/** Where a decision of the competent level stands: a draft still changes; a signed one is locked. */
public enum DecisionStatus {
    DRAFT,
    SIGNED
}
