package org.cadre.commitments;

/** How a member completed the study: at a session, or later on their own with a note. */
public enum StudyHow {
    SESSION,
    LATER
}
