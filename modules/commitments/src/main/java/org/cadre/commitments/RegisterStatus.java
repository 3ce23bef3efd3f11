package org.cadre.commitments;

/** Where a commitment register stands. Labels: {@code commitments.register.status.<NAME>}. */
public enum RegisterStatus {
    /** Being written by the member (or created from a template), not yet sent. */
    DRAFT,
    /** Sent to the chapter secretary. */
    SUBMITTED,
    /** Sent back with comments; the member edits and submits again. */
    RETURNED,
    /** Approved by the secretary: progress is reported against it. */
    APPROVED
}
