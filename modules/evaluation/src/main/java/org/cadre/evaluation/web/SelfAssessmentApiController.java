package org.cadre.evaluation.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.SelfAssessmentOverview;
import org.cadre.evaluation.SelfAssessmentView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.web.EvaluationRoles.FollowsSelfAssessments;
import org.cadre.evaluation.web.EvaluationRoles.SetsSelfAssessmentDeadline;
import org.cadre.evaluation.web.EvaluationRoles.WritesOwnSelfAssessment;
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
 * The JSON API of self-assessment: the calling member's own (read, save a draft, submit), the overview of an
 * organization's members with reminders, and the cycle's deadline. A refusal is a problem (RFC 9457) naming its
 * reason; nothing is written.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/self-assessment")
class SelfAssessmentApiController {

    private final SelfAssessments assessments;
    private final Edits edits;

    SelfAssessmentApiController(SelfAssessments assessments, Edits edits) {
        this.edits = edits;
        this.assessments = assessments;
    }

    @GetMapping
    @WritesOwnSelfAssessment
    ResponseEntity<SelfAssessmentView> mine(@PathVariable UUID cycle, Caller caller) {
        return tagged(cycle, caller, assessments.mine(cycle, caller));
    }

    /** Saves the review as a draft. */
    @PutMapping
    @WritesOwnSelfAssessment
    ResponseEntity<SelfAssessmentView> draft(@PathVariable UUID cycle, @RequestBody SelfReview review,
            EditVersion loaded, Caller caller) {
        return tagged(cycle, caller, assessments.saveDraft(cycle, review, loaded, caller));
    }

    /** Saves and submits the review. */
    @PostMapping("/submission")
    @WritesOwnSelfAssessment
    ResponseEntity<SelfAssessmentView> submit(@PathVariable UUID cycle, @RequestBody SelfReview review,
            EditVersion loaded, Caller caller) {
        return tagged(cycle, caller, assessments.submit(cycle, review, loaded, caller));
    }

    /** The caller's own review with the {@code ETag} of its edit version, for {@code If-Match} on the next save. */
    private ResponseEntity<SelfAssessmentView> tagged(UUID cycle, Caller caller, SelfAssessmentView view) {
        return caller.member().map(me -> ResponseEntity.ok().eTag(edits.current(
                EvaluationEdits.selfAssessment(cycle, me)).etag())).orElseGet(ResponseEntity::ok).body(view);
    }

    @GetMapping("/members")
    @FollowsSelfAssessments
    SelfAssessmentOverview members(@PathVariable UUID cycle, @RequestParam(required = false) UUID organization,
            Caller caller) {
        return assessments.overview(cycle, organization, caller);
    }

    /** A reminder to one member, or with no member to every member of the organization who has not submitted. */
    record Reminder(UUID organization, UUID member) {
    }

    @PostMapping("/reminders")
    @FollowsSelfAssessments
    Map<String, Integer> remind(@PathVariable UUID cycle, @RequestBody Reminder body, Caller caller) {
        return Map.of("reminded", assessments.remind(cycle, body.organization(), body.member(), caller));
    }

    /** The last day to submit; {@code null} removes it. */
    record Deadline(LocalDate deadline) {
    }

    @PutMapping("/deadline")
    @SetsSelfAssessmentDeadline
    ResponseEntity<Void> deadline(@PathVariable UUID cycle, @RequestBody Deadline body, Caller caller) {
        assessments.setDeadline(cycle, body.deadline(), caller);
        return ResponseEntity.noContent().build();
    }
}
