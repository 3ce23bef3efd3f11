package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** An administrator reopened a closed cycle, saying why. */
public record CycleReopened(UUID cycle, int year, String by, String reason, Instant at) implements DomainEvent {
}
