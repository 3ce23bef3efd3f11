package org.cadre.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.facts.Proposal;

/**
 * An appeal as pages and the API read it, with every step of its audit.
 *
 * @param competent     the organization whose committee decides it (the decision's competent level)
 * @param mayReexamine  whether the caller may add notes and decide it now
 */
public record AppealView(UUID id, UUID cycle, int year, UUID subject, Proposal.Subject subjectKind,
        String subjectName, UUID decision, UUID competent, String filedBy, Instant filedAt, String grounds,
        String requestedLevel, AppealStatus status, AppealOutcome outcome, String levelBefore, String levelAfter,
        String reason, String decidedBy, Instant decidedAt, List<AppealStep> steps, boolean mayReexamine) {

    public AppealView {
        steps = List.copyOf(steps);
    }
}
