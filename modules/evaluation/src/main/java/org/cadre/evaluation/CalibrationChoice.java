package org.cadre.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The committee's choice on a quota case: who keeps the level (the others move down one level), why, and when it
 * voted, the votes (all three or none).
 */
public record CalibrationChoice(List<UUID> keepers, String reason, Integer votesFor, Integer votesAgainst,
        Integer votesAbstain) {

    public CalibrationChoice {
        // a body without the field means nobody keeps the level; a null inside is the domain's to refuse
        keepers = keepers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keepers));
    }
}
