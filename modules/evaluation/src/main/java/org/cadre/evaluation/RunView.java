package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;

/** A classification run: its state, the pack that rated, how many it rated, and how far it is while it runs. */
public record RunView(UUID id, UUID cycle, UUID job, RunState state, String packId, int packVersion,
        String requestedBy, Instant startedAt, Instant finishedAt, int members, int organizations, int calibrations,
        String digest, String problem) {
}
