package org.cadre.evaluation;

import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A classification run failed or was interrupted: the cycle's previous results stay. */
public record ClassificationRunFailed(UUID cycle, UUID run, int year, String problem) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.run-failed", run, null, year, problem);
    }
}
