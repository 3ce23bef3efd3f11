package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/** A member handed their self-assessment of a cycle to the chapter, proposing a level of the cycle's member scale. */
public record SelfAssessmentSubmitted(UUID cycle, UUID member, String level, Instant submittedAt)
        implements DomainEvent {
}
