package org.cadre.evaluation.web;

import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.MemberReview;
import org.cadre.evaluation.ReviewForm;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.web.EvaluationRoles.ReviewsChapter;
import org.cadre.evaluation.web.EvaluationRoles.SendsSelfAssessmentBack;
import org.cadre.evaluation.EvaluationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of the chapter's review: an organization's list, a member's review (draft, proposal), comments asked
 * of other chapters and their answers, and sending a self-assessment back. A refusal is a problem (RFC 9457) naming
 * its reason; nothing is written.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/review")
class ReviewApiController {

    private final ChapterReviews reviews;
    private final SelfAssessments assessments;
    private final Edits edits;

    ReviewApiController(ChapterReviews reviews, SelfAssessments assessments, Edits edits) {
        this.edits = edits;
        this.reviews = reviews;
        this.assessments = assessments;
    }

    @GetMapping
    @ReviewsChapter
    ReviewList list(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization, Caller caller) {
        return reviews.list(cycle, organization, caller);
    }

    @GetMapping("/members/{member}")
    @ReviewsChapter
    ResponseEntity<MemberReview> member(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller) {
        return tagged(cycle, member, reviews.member(cycle, member, caller));
    }

    /** Keeps the comment, level and reason as a draft. */
    @PutMapping("/members/{member}")
    @ReviewsChapter
    ResponseEntity<MemberReview> draft(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestBody ReviewForm form, EditVersion loaded, Caller caller) {
        return tagged(cycle, member, reviews.saveDraft(cycle, member, form, loaded, caller));
    }

    /** The chapter's proposal (again, to change it). */
    @PostMapping("/members/{member}/proposal")
    @ReviewsChapter
    ResponseEntity<MemberReview> propose(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestBody ReviewForm form, EditVersion loaded, Caller caller) {
        return tagged(cycle, member, reviews.propose(cycle, member, form, loaded, caller));
    }

    /** The review with the {@code ETag} of its edit version, for {@code If-Match} on the next save. */
    private ResponseEntity<MemberReview> tagged(UUID cycle, UUID member, MemberReview review) {
        return ResponseEntity.ok().eTag(edits.current(EvaluationEdits.chapterReview(cycle, member)).etag())
                .body(review);
    }

    /** The chapter asked: the member's previous chapter, or one of the cycle's tree. */
    record Ask(UUID organization) {
    }

    @PostMapping("/members/{member}/comment-requests")
    @ReviewsChapter
    CommentRequestView ask(@PathVariable UUID cycle, @PathVariable UUID member, @RequestBody Ask body,
            Caller caller) {
        return reviews.requestComment(cycle, member, body.organization(), caller);
    }

    /** The requests of the cycle addressed to chapters the caller answers for. */
    @GetMapping("/comment-requests")
    @ReviewsChapter
    List<CommentRequestView> addressed(@PathVariable UUID cycle, Caller caller) {
        return reviews.addressedTo(cycle, caller);
    }

    /** A stance ({@code POSITIVE}, {@code CONCERN}, {@code NEGATIVE}) and a text. */
    record Answer(String stance, String text) {
    }

    @PostMapping("/comment-requests/{request}/answer")
    @ReviewsChapter
    CommentRequestView answer(@PathVariable UUID cycle, @PathVariable UUID request, @RequestBody Answer body,
            Caller caller) {
        return reviews.answer(cycle, request, body.stance(), body.text(), caller);
    }

    record Return(String reason) {
    }

    /** Sends the member's submitted self-assessment back to them with a reason. */
    @PostMapping("/members/{member}/self-assessment/return")
    @SendsSelfAssessmentBack
    ResponseEntity<Void> sendBack(@PathVariable UUID cycle, @PathVariable UUID member, @RequestBody Return body,
            Caller caller) {
        assessments.sendBack(cycle, member, body.reason(), caller);
        return ResponseEntity.noContent().build();
    }
}
