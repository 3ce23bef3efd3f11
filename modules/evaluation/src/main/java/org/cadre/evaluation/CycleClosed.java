package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** A cycle was closed: its inputs, self-assessments and runs are locked until an administrator reopens it. */
public record CycleClosed(UUID cycle, int year, String by, Instant at) implements DomainEvent {
}
