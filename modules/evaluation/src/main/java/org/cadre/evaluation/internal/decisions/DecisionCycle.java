package org.cadre.evaluation.internal.decisions;

import java.time.LocalDate;
import java.util.UUID;

/** A cycle as decisions see it: its year, scope, pinned pack, whether it takes changes and its current run. */
record DecisionCycle(UUID id, int year, UUID scope, String packId, int packVersion, boolean open, UUID currentRun) {

    /** The tree (and so who is directly above whom) is read as it stood on the year's last day. */
    LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }
}
