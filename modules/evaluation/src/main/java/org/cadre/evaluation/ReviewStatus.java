package org.cadre.evaluation;

/** Where the chapter's review of a member stands in a cycle. Labels: {@code evaluation.review.status.<NAME>}. */
public enum ReviewStatus {
    /** Nothing recorded yet. */
    NONE,
    /** Saved by the chapter, not proposed yet. */
    DRAFT,
    /** The chapter proposed a level (it may propose again until the cycle closes or the list is decided). */
    PROPOSED
}
