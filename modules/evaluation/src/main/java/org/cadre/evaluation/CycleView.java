package org.cadre.evaluation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A cycle as pages and the API show it.
 *
 * @param currentRun the run whose ratings are the cycle's results, if one finished
 * @param latestRun  the latest run started, whatever its state (the one a page follows while it runs)
 */
public record CycleView(UUID id, int year, UUID scope, String scopeName, String packId, int packVersion,
        CycleStatus status, Instant openedAt, String openedBy, Optional<RunView> currentRun,
        Optional<RunView> latestRun) {
}
