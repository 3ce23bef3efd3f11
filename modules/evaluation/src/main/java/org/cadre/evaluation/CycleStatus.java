package org.cadre.evaluation;

/** Where a cycle stands. Labels: {@code evaluation.cycle.status.<NAME>}. */
public enum CycleStatus {
    /** Inputs may be entered and runs started. */
    OPEN,
    /** Locked: nothing changes until an administrator reopens it with a reason (the workflow issue). */
    CLOSED
}
