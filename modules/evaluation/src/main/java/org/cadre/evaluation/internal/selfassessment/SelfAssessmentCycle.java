package org.cadre.evaluation.internal.selfassessment;

import java.time.LocalDate;
import java.util.UUID;

/** A cycle as self-assessments see it: its year, scope, pinned pack and whether it takes changes. */
record SelfAssessmentCycle(UUID id, int year, UUID scope, String packId, int packVersion, boolean open) {

    /** The day membership in the cycle's scope is read on: the year's last day. */
    LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }
}
