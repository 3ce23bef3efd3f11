package org.cadre.evaluation;

/** Where a quota case stands in the cycle's current run. */
public enum CalibrationStatus {

    /** To be decided: the committee chooses who keeps the level. */
    OPEN,
    /**
     * A case of the level above in the same group is still open: its moves may bring more subjects into this level,
     * so it is decided first.
     */
    WAITING,
    /**
     * The level above was decided and moved subjects into this level after the engine computed the case: who holds
     * the level now (not the engine's list) is what the committee chooses from.
     */
    RECHECK,
    /** Decided: who kept the level and who moved down are recorded. */
    DECIDED
}
