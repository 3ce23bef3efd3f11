package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * The chapter (its secretary, or evaluation staff) sent a submitted self-assessment back to the member: it is a draft
 * again, the member reads the reason and submits again. The classification no longer counts it as submitted.
 *
 * @param by the user name of who sent it back
 */
public record SelfAssessmentReturned(UUID cycle, UUID member, String reason, String by, Instant at)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.self-assessment-returned", member, null, reason).by(by);
    }
}
