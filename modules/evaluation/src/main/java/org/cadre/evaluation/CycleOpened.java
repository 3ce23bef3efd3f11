package org.cadre.evaluation;

import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An evaluation cycle was opened for a year and a scope, pinned to the pack version that served the year. */
public record CycleOpened(UUID cycle, int year, UUID scope, String packId, int packVersion, String openedBy)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.cycle-opened", cycle, scope, year, packId, packVersion).by(openedBy);
    }
}
