package org.cadre.evaluation;

/** How the competent level decides an appeal: the level stands, or it is annulled and replaced. */
public enum AppealOutcome {
    UPHELD,
    CHANGED
}
