package org.cadre.evaluation;

import java.util.UUID;
import org.cadre.platform.Edits;

/**
 * The records of evaluation whose edit forms are guarded against lost updates ({@link Edits}): a member's
 * self-assessment in a cycle (the member's draft, from two devices), the chapter's review of a member (two
 * secretaries) and a subject's level in a draft decision list (two evaluators). Pages and the API load the version from here ({@code ETag} on the API); the facades claim it.
 */
public final class EvaluationEdits {

    private EvaluationEdits() {
    }

    public static String selfAssessment(UUID cycle, UUID member) {
        return Edits.record("evaluation.self-assessment", cycle + ":" + member);
    }

    public static String chapterReview(UUID cycle, UUID member) {
        return Edits.record("evaluation.chapter-review", cycle + ":" + member);
    }

    /** One subject's level in a draft decision list: each row of the list is its own form. */
    public static String decisionItem(UUID decision, UUID subject) {
        return Edits.record("evaluation.decision-item", decision + ":" + subject);
    }
}
