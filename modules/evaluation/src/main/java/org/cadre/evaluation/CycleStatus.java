package org.cadre.evaluation;

/** Where a cycle stands. Labels: {@code evaluation.cycle.status.<NAME>}. */
public enum CycleStatus {
    /** Inputs may be entered and runs started. */
    OPEN,
    /** Locked: no input, self-assessment or run changes it until an administrator reopens it with a reason. */
    CLOSED
}
