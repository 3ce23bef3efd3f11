package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A cycle was closed: its inputs, self-assessments and runs are locked until an administrator reopens it. */
public record CycleClosed(UUID cycle, int year, String by, Instant at) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.cycle-closed", cycle, null, year).by(by);
    }
}
