package org.cadre.evaluation.internal.inputs;

import java.time.LocalDate;
import java.util.UUID;

/** A cycle as its inputs see it: the year, the scope, the pack version it pinned, whether it still takes changes. */
public record InputCycle(UUID id, int year, UUID scope, String packId, int packVersion, boolean open) {

    /** The day membership in the cycle's scope is read on: the year's last day. */
    public LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }
}
