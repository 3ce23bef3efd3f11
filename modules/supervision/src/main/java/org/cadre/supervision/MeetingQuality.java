package org.cadre.supervision;

import java.util.List;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * How well a chapter met in a year, up to the last finished month (the whole year once it is over).
 *
 * @param regularHeld      months with a regular meeting
 * @param regularRequired  finished months of the year (the regular frequency), and the current one once it met
 * @param thematicHeld     thematic meetings held
 * @param thematicRequired finished periods of the thematic frequency
 * @param missedMonths     finished months (1-12) without a regular meeting: the calendar's gaps
 * @param present          attendances recorded as present
 * @param listed           attendances recorded (present or absent)
 * @param absentInARow     members whose last three (or more) meetings were all absences
 */
public record MeetingQuality(OrganizationId organization, int year, int regularHeld, int regularRequired,
        int thematicHeld, int thematicRequired, List<Integer> missedMonths, int present, int listed,
        List<MemberId> absentInARow) {

    /** Present over listed, 0 to 1; 0 when nobody was listed. */
    public double attendanceRate() {
        return listed == 0 ? 0 : (double) present / listed;
    }

    /** The attendance rate as a whole percentage, for the pages. */
    public long attendancePercent() {
        return Math.round(attendanceRate() * 100);
    }
}
