package org.cadre.ratingrules;

/** The life of a pack version. */
public enum PackState {
    /** Stored, but it does not compile or a scenario fails: it can be edited into a new version, not activated. */
    DRAFT,
    /** Compiles and every scenario passes: may be activated. */
    VALIDATED,
    /** Serves the evaluations of its years and subjects. */
    ACTIVE,
    /** Was active; may be activated again (a rollback). */
    RETIRED
}
