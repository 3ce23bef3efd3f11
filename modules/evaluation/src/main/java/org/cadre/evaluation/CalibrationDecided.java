package org.cadre.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * The committee chose who of a quota case keeps {@code level} in {@code group}; the others moved down to
 * {@code demoteTo}. The engine's ratings are unchanged: the level each subject holds after calibration is the view
 * {@code calibrated_rating} of the run.
 */
public record CalibrationDecided(UUID cycle, UUID run, UUID caseId, String group, String level, String demoteTo,
        List<UUID> keepers, List<UUID> movedDown, String by, Instant at) implements DomainEvent, Audited {

    public CalibrationDecided {
        keepers = List.copyOf(keepers);
        movedDown = List.copyOf(movedDown);
    }

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.calibration-decided", caseId, null, group, level, demoteTo, movedDown.size())
                .by(by);
    }
}
