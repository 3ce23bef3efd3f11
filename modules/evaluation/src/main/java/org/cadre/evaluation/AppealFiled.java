package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A member or an organization appealed the level a signed decision gave them in a cycle. */
public record AppealFiled(UUID cycle, UUID appeal, UUID subject, Proposal.Subject subjectKind, UUID decision,
        String filedBy, Instant filedAt) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.appeal-filed", appeal, null, subjectKind, subject).by(filedBy);
    }
}
