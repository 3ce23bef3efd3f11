package org.cadre.evaluation;

/** An appeal is being re-examined until the competent level decides it; a decided one does not change. */
public enum AppealStatus {
    OPEN,
    DECIDED
}
