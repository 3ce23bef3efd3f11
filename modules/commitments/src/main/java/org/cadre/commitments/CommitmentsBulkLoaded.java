package org.cadre.commitments;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * Study, registers and programmes were written in bulk (demo data) without one event per row. Consumers rebuild
 * from the facades' reads for the years given.
 */
public record CommitmentsBulkLoaded(UUID load, int fromYear, int toYear, int campaigns, int duties, int registers,
        int items, int programmes, int reviews) implements DomainEvent {
}
