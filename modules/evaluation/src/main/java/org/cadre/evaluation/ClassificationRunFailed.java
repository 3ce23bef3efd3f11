package org.cadre.evaluation;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** A classification run failed or was interrupted: the cycle's previous results stay. */
public record ClassificationRunFailed(UUID cycle, UUID run, int year, String problem) implements DomainEvent {
}
