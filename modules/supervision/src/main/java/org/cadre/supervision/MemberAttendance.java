package org.cadre.supervision;

import org.cadre.organizations.MemberId;

/** One member's attendance at a meeting, as events carry it. */
public record MemberAttendance(MemberId member, Attendance attendance, String reason) {
}
