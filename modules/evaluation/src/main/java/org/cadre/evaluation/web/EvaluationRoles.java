package org.cadre.evaluation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Which roles may call each kind of endpoint of the evaluation module (cycles, runs, results, inputs, reports), in
 * one place. Which cycles, organizations and
 * ratings the caller may see within them is answered by {@link org.cadre.evaluation.Cycles} and
 * {@link org.cadre.evaluation.CycleResults}.
 */
final class EvaluationRoles {

    private EvaluationRoles() {
    }

    /** Cycles and the ratings of organizations: evaluation staff, administrators, secretaries (their subtree). */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface ReadsCycles {
    }

    /** Opening cycles, running classifications and closing cycles: evaluation staff and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface RunsCycles {
    }

    /** Reopening a closed cycle (with a reason): administrators only. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('ADMIN')")
    @interface ReopensCycles {
    }

    /** One rating with its explanation: the above, and a member for their own; never a reviewer. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'MEMBER')")
    @interface ReadsRatings {
    }

    /** A member's own ratings. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    @interface OwnRatings {
    }

    /**
     * Inputs of a cycle (criterion levels, residence comments, sick leave): evaluation staff and administrators, and
     * secretaries in their subtree.
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface EntersInputs {
    }

    /** Civil-service ratings (entry and import): evaluation staff and administrators only. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface RatesCivilService {
    }

    /** What another pack version would do to a cycle's results (what-if): rule administrators, evaluation staff. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'RULE_ADMIN')")
    @interface ComparesPackVersions {
    }

    /** A member's own self-assessment (the member only; which one is the caller's, never the request's). */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    @interface WritesOwnSelfAssessment {
    }

    /** Who has self-assessed, and reminders: evaluation staff, administrators, secretaries in their subtree. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface FollowsSelfAssessments {
    }

    /** The self-assessment deadline of a cycle: evaluation staff and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface SetsSelfAssessmentDeadline {
    }

    /**
     * The chapter's review (comments, proposals, comments asked of other chapters and their answers): evaluation
     * staff and administrators anywhere, secretaries in their subtree; never members or reviewers.
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface ReviewsChapter {
    }

    /** Sending a submitted self-assessment back to the member: the same as {@link ReviewsChapter}. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface SendsSelfAssessmentBack {
    }

    /** A member's appeal of their own level (the member only; which one is the caller's, never the request's). */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    @interface AppealsOwnRating {
    }

    /**
     * Filing an appeal through the API: a member (their own level), a secretary (their organization's), evaluation
     * staff and administrators (an organization's, on its behalf).
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'MEMBER')")
    @interface FilesAppeals {
    }

    /**
     * A cycle's appeals, one appeal with its steps, filing for an organization, re-examining and deciding: evaluation
     * staff, administrators and secretaries; the service lets only the decision's competent level add notes and
     * decide. Never a reviewer.
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface HandlesAppeals {
    }

    /** The appeal window of a cycle (days after signing): evaluation staff and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface SetsAppealWindow {
    }

    /**
     * Quota cases and the committee's decisions on them (who keeps the level): evaluation staff and administrators,
     * who record the committee's choice; not secretaries or members.
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface CalibratesQuotas {
    }

    /**
     * Decisions of the competent level: the lists, deciding, signing and the document. The service checks that the
     * caller is of the competent level (administrators; evaluation staff in their scope; the competent
     * organization's secretary); members and reviewers never.
     */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY')")
    @interface DecidesRatings {
    }

    /** Who is competent for a list (at most one level above it): evaluation staff and administrators. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    @interface SetsDecisionAuthority {
    }
}
