package org.cadre.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.SubjectRating;

/**
 * Everything the chapter weighs for one member, and what it recorded: the member's submitted self-assessment, the
 * engine's proposal with its reasons, the per-criterion levels and the residence-place comment entered as inputs, the
 * comments asked of other chapters, and the chapter's own comment, level and reason.
 *
 * @param selfReview            the member's review once submitted ({@code null} before: a draft is the member's)
 * @param engine                the current run's rating with its explanation ({@code null} before a run)
 * @param engineLevel           the engine's level ({@code null}: no run, excluded or pending)
 * @param editable              whether the chapter may still change its review (open cycle, list not decided)
 * @param decided               whether the competent level signed the member's list
 * @param previousOrganization  the chapter the member was transferred from during the year, if the facts say so
 * @param choices               the organizations of the cycle a comment may be asked of (temporary activity)
 */
public record MemberReview(UUID cycle, int year, UUID member, String cardNumber, String fullName, UUID organization,
        String organizationName, boolean cycleOpen, boolean editable, boolean decided,
        SelfAssessmentStatus selfStatus, SelfReview selfReview, Instant selfSubmittedAt, SubjectRating engine,
        String engineLevel, ReviewStatus status, String comment, String level, String reason, Instant savedAt,
        Instant proposedAt, String proposedBy, List<CriterionLevel> criteria, Residence residence,
        List<CommentRequestView> requests, UUID previousOrganization, String previousOrganizationName,
        List<ReviewList.Choice> choices, List<Level> scale) {

    public MemberReview {
        criteria = List.copyOf(criteria);
        requests = List.copyOf(requests);
        choices = List.copyOf(choices);
        scale = List.copyOf(scale);
    }

    /** Whether a comment was already asked of the member's previous chapter. */
    public boolean previousAsked() {
        return previousOrganization != null && requests.stream().anyMatch(r -> r.asked().equals(previousOrganization));
    }

    /** A criterion's entry as the inputs hold it; {@code label} by language. */
    public record CriterionLevel(String criterion, Map<String, String> label, String level, BigDecimal score) {

        public CriterionLevel {
            label = Map.copyOf(label);
        }
    }

    /** The residence-place comment entered as an input. */
    public record Residence(String stance, String text, LocalDate receivedOn) {
    }
}
