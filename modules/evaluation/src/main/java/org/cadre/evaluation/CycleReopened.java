package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An administrator reopened a closed cycle, saying why. */
public record CycleReopened(UUID cycle, int year, String by, String reason, Instant at) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.cycle-reopened", cycle, null, year, reason).by(by);
    }
}
