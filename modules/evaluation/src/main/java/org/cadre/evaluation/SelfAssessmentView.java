package org.cadre.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * A member's self-assessment of a cycle as their page and the API show it, with what the page needs around it.
 *
 * @param scale      the levels of the cycle's pinned member scale, highest first, to choose from
 * @param deadline   the last day to submit, if evaluation staff set one
 * @param editable   whether the member may still save or submit (open cycle, not submitted, deadline not passed)
 * @param remindedAt when the chapter last reminded the member, if it did
 * @param returnedReason why the chapter last sent it back to the member ({@code null}: never)
 * @param returnedAt     when it did
 */
public record SelfAssessmentView(UUID cycle, int year, UUID member, String cardNumber, String fullName,
        String organizationName, SelfAssessmentStatus status, SelfReview review, Instant savedAt,
        Instant submittedAt, LocalDate deadline, boolean cycleOpen, boolean editable, Instant remindedAt,
        List<Level> scale, String returnedReason, Instant returnedAt) {

    public SelfAssessmentView {
        scale = List.copyOf(scale);
    }
}
