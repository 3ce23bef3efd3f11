package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * The chapter proposed a level for a member in a cycle (regulation §3.2), or changed its proposal: each proposal
 * raises one event, the latest is the chapter's. Raised until the cycle closes or the competent level signs the
 * member's list.
 *
 * @param organization the chapter that proposed (the member's at the year's end)
 * @param level        the proposed code of the cycle's pinned member scale
 * @param engineLevel  the engine's level of the current run then; {@code null} before a run, or when the engine did
 *                     not classify the member (excluded, pending)
 * @param reason       why the proposal departs from the engine's; {@code null} when it follows it
 * @param by           the user name of who recorded it
 */
public record ChapterProposalMade(UUID cycle, UUID member, UUID organization, String level, String engineLevel,
        String reason, String by, Instant at) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.chapter-proposal-made", member, organization, level, engineLevel, reason)
                .by(by);
    }
}
