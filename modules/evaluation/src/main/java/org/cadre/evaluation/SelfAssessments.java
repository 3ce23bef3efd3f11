package org.cadre.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;

/**
 * Members' self-assessments of a cycle (step 1 of the regulation's process): a member of the cycle's scope writes
 * their review, proposes a level of the pinned pack's member scale, saves drafts and submits before the cycle's
 * deadline; only the member writes their own. The secretary of the chapter (or above) sees who has submitted and
 * reminds who has not; evaluation staff set the deadline. A closed cycle takes no change. Refusals are
 * {@link org.cadre.platform.Refused} with an {@link EvaluationRefusal}.
 */
public interface SelfAssessments {

    /**
     * The caller's own self-assessment of the cycle (an empty one if they wrote nothing yet).
     *
     * @throws org.cadre.platform.Refused {@code not-allowed} for a caller who is not a member, {@code member-unknown}
     *                                    for a member not on the rolls of the cycle's scope at the year's end
     */
    SelfAssessmentView mine(UUID cycle, Caller caller);

    /** The open cycles whose scope holds the calling member at the year's end, newest year first, with their state. */
    List<SelfAssessmentView> myCycles(Caller caller);

    /**
     * Saves the caller's review as a draft; nothing is checked but the length and the level.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed}, {@code self-assessment-submitted},
     *                                    {@code self-assessment-deadline-passed}, {@code level-not-in-scale},
     *                                    {@code self-assessment-too-long}
     */
    SelfAssessmentView saveDraft(UUID cycle, SelfReview review, Caller caller);

    /**
     * As {@link #saveDraft}, from a form loaded at {@code loaded} ({@link EvaluationEdits#selfAssessment}): refused
     * as {@code edit-conflict}, nothing written, when saved since (from another device); null is unconditional.
     */
    SelfAssessmentView saveDraft(UUID cycle, SelfReview review, EditVersion loaded, Caller caller);

    /**
     * Saves and submits the caller's review: every heading written and a level chosen.
     *
     * @throws org.cadre.platform.Refused as {@link #saveDraft}, and {@code self-assessment-incomplete}
     */
    SelfAssessmentView submit(UUID cycle, SelfReview review, Caller caller);

    /** As {@link #submit}, from a form loaded at {@code loaded}: an edit conflict as {@link #saveDraft}. */
    SelfAssessmentView submit(UUID cycle, SelfReview review, EditVersion loaded, Caller caller);

    /**
     * The members of an organization of the cycle (itself and below) with where their self-assessment stands.
     *
     * @throws org.cadre.platform.Refused {@code out-of-scope} outside the caller's subtree,
     *                                    {@code organization-unknown} outside the cycle's tree
     */
    SelfAssessmentOverview overview(UUID cycle, UUID organization, Caller caller);

    /**
     * Records a reminder to members who have not submitted: one member, or (with {@code member == null}) every one
     * of the organization who has not. Returns how many were reminded.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed}, {@code self-assessment-submitted} for a member who has
     *                                    submitted, {@code out-of-scope}
     */
    int remind(UUID cycle, UUID organization, UUID member, Caller caller);

    /**
     * Sends a member's submitted self-assessment back to them with a reason: a draft again, which the member reworks
     * and submits again. The secretary of the member's chapter (or above) and evaluation staff.
     *
     * @throws org.cadre.platform.Refused {@code self-assessment-not-submitted}, {@code reason-required},
     *                                    {@code reason-too-long}, {@code cycle-closed}, {@code member-unknown},
     *                                    {@code out-of-scope}
     */
    void sendBack(UUID cycle, UUID member, String reason, Caller caller);

    /**
     * Sets (or, with {@code null}, removes) the last day members may submit: evaluation staff and administrators.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed}, {@code not-allowed}
     */
    void setDeadline(UUID cycle, LocalDate deadline, Caller caller);
}
