package org.cadre.commitments;

/**
 * A member's standing in a study campaign, as organizations' events say: only {@link #ACTIVE} members must study
 * and register; the others are listed but not counted. Labels: {@code commitments.duty.<NAME>}.
 */
public enum StudyStatus {
    ACTIVE,
    EXEMPT,
    SUSPENDED,
    LEFT;

    public boolean mustStudy() {
        return this == ACTIVE;
    }
}
