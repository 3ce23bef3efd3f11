package org.cadre.evaluation;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** An evaluation cycle was opened for a year and a scope, pinned to the pack version that served the year. */
public record CycleOpened(UUID cycle, int year, UUID scope, String packId, int packVersion, String openedBy)
        implements DomainEvent {
}
