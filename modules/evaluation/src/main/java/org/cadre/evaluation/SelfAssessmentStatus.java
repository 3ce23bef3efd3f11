package org.cadre.evaluation;

/** Where a member's self-assessment of a cycle stands. Labels: {@code evaluation.self.status.<NAME>}. */
public enum SelfAssessmentStatus {
    /** Nothing written yet. */
    NOT_STARTED,
    /** Saved by the member, seen by nobody else; may still change. */
    DRAFT,
    /** Handed to the chapter: fixed, and what the classification run reads. */
    SUBMITTED
}
