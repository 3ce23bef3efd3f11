package org.cadre.ratingrules.engine;

import java.util.List;
import org.cadre.ratingrules.PackProblem;

/** Checks decision tables before they are compiled. */
final class DecisionTables {

    private DecisionTables() {
    }

    static List<PackProblem> check(String file, byte[] content) {
        return List.of();
    }
}
