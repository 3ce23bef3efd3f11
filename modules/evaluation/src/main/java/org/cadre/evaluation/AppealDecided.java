package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * The competent level decided an appeal: the level stands ({@link AppealOutcome#UPHELD}, before and after equal) or is
 * replaced ({@link AppealOutcome#CHANGED}).
 */
public record AppealDecided(UUID cycle, UUID appeal, UUID subject, AppealOutcome outcome, String levelBefore,
        String levelAfter, String by, Instant at) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.appeal-decided", appeal, null, outcome, levelBefore, levelAfter).by(by);
    }
}
