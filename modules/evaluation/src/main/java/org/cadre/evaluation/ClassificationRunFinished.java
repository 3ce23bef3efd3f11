package org.cadre.evaluation;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * A classification run of a cycle finished: its ratings are now the cycle's results.
 *
 * @param calibrations the quota cases it opened for a person to decide
 * @param digest       a digest of every rating (subject, level, reasons): equal for equal inputs and pack
 */
public record ClassificationRunFinished(UUID cycle, UUID run, int year, String packId, int packVersion, int members,
        int organizations, int calibrations, String digest) implements DomainEvent {
}
