/**
 * Evaluation: yearly cycles, facts per member and organization (projections fed by the other modules' events),
 * classification runs through the active rule pack, review, decisions, appeals and reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
        allowedDependencies = {"platform", "organizations", "commitments", "supervision", "ratingrules",
                "ratingrules :: facts"})
package org.cadre.evaluation;
