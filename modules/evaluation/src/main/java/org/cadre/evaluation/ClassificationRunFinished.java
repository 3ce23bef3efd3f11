package org.cadre.evaluation;

import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A classification run of a cycle finished: its ratings are now the cycle's results.
 *
 * @param calibrations the quota cases it opened for a person to decide
 * @param digest       a digest of every rating (subject, level, reasons): equal for equal inputs and pack
 */
public record ClassificationRunFinished(UUID cycle, UUID run, int year, String packId, int packVersion, int members,
        int organizations, int calibrations, String digest) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.run-finished", run, null, year, packId, packVersion, members, organizations);
    }
}
