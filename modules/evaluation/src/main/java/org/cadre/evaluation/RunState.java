package org.cadre.evaluation;

/** Where a classification run stands. Labels: {@code evaluation.run.state.<NAME>}. */
public enum RunState {
    RUNNING,
    /** Its ratings are the cycle's results (or were, before a later run). */
    SUCCEEDED,
    /** Failed, cancelled or interrupted: it wrote nothing the cycle shows. */
    FAILED
}
