package org.cadre.evaluation;

import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;

/**
 * The chapter's review of its members in a cycle (step 2 of the regulation's process, §3.2): beside each member's
 * self-assessment and the engine's proposal with its explanation, the chapter records its comment and proposes a
 * level, with a reason when it departs from the engine. For a member transferred in during the year or in temporary
 * activity elsewhere, it asks the other chapter for a comment, which that chapter's secretary answers once.
 *
 * <p>Who: evaluation staff and administrators anywhere, a secretary in their subtree (and, for answering, the
 * secretary of the chapter asked); members and reviewers never. A closed cycle, or a member's list signed by the
 * competent level, takes no change. Refusals are {@link org.cadre.platform.Refused} with an {@link EvaluationRefusal}.
 */
public interface ChapterReviews {

    /**
     * The members on the rolls of an organization at the year's end with where their review stands; with no
     * organization, the caller's own (a secretary) or the cycle's scope (staff).
     *
     * @throws org.cadre.platform.Refused {@code cycle-unknown}, {@code organization-unknown}, {@code out-of-scope},
     *                                    {@code not-allowed}
     */
    ReviewList list(UUID cycle, UUID organization, Caller caller);

    /**
     * One member's review with all the chapter weighs.
     *
     * @throws org.cadre.platform.Refused {@code member-unknown} (not in the cycle), {@code out-of-scope}
     */
    MemberReview member(UUID cycle, UUID member, Caller caller);

    /**
     * Keeps the chapter's comment, level and reason without proposing.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed}, {@code review-locked}, {@code review-proposed},
     *                                    {@code level-not-in-scale}, {@code text-too-long}, {@code reason-too-long}
     */
    MemberReview saveDraft(UUID cycle, UUID member, ReviewForm form, Caller caller);

    /**
     * As {@link #saveDraft}, from a form loaded at {@code loaded} ({@link EvaluationEdits#chapterReview}): refused as
     * {@code edit-conflict}, nothing written, when another secretary saved the review since; null is unconditional.
     */
    MemberReview saveDraft(UUID cycle, UUID member, ReviewForm form, EditVersion loaded, Caller caller);

    /**
     * The chapter's proposal (again, if it proposed before): raises {@link ChapterProposalMade}.
     *
     * @throws org.cadre.platform.Refused as {@link #saveDraft}, and {@code reason-required} when the level is not the
     *                                    engine's
     */
    MemberReview propose(UUID cycle, UUID member, ReviewForm form, Caller caller);

    /** As {@link #propose}, from a form loaded at {@code loaded}: an edit conflict as {@link #saveDraft}. */
    MemberReview propose(UUID cycle, UUID member, ReviewForm form, EditVersion loaded, Caller caller);

    /**
     * Asks another chapter for its comment on the member: the member's previous chapter (transferred in during the
     * year) or an organization of the cycle's tree (temporary activity). Asking the same chapter again returns the
     * request already made.
     *
     * @throws org.cadre.platform.Refused {@code cycle-closed}, {@code organization-unknown} (the member's own, or
     *                                    neither the previous chapter nor in the cycle's tree), {@code out-of-scope}
     */
    CommentRequestView requestComment(UUID cycle, UUID member, UUID organization, Caller caller);

    /** The requests of the cycle addressed to chapters the caller may answer for, unanswered first. */
    List<CommentRequestView> addressedTo(UUID cycle, Caller caller);

    /** The unanswered requests of every open cycle the caller may answer, for their home page. */
    List<CommentRequestView> toAnswer(Caller caller);

    /**
     * The asked chapter's answer: a stance as residence-place comments use and a text. Raises
     * {@link OtherChapterCommentGiven}.
     *
     * @throws org.cadre.platform.Refused {@code comment-request-unknown}, {@code comment-already-given},
     *                                    {@code stance-unknown}, {@code text-too-long}, {@code cycle-closed},
     *                                    {@code out-of-scope}
     */
    CommentRequestView answer(UUID cycle, UUID request, String stance, String text, Caller caller);
}
