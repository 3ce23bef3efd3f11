package org.cadre.supervision;

/** How a member listed for a meeting took part in it. */
public enum Attendance {
    PRESENT,
    /** Absent with a reason given. */
    EXCUSED,
    /** Absent without a reason. */
    UNEXCUSED;

    public boolean absent() {
        return this != PRESENT;
    }
}
