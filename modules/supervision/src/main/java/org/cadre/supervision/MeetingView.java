package org.cadre.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;

/** A meeting as the pages read it; the attendance with the members' names, in the order recorded. */
public record MeetingView(UUID id, OrganizationId organization, MeetingKind kind, LocalDate heldOn, String agenda,
        String minutes, String resolutions, String commitmentsReviewed, String recordedBy,
        List<MemberAttendance> attendance) {

    public long count(Attendance which) {
        return attendance.stream().filter(a -> a.attendance() == which).count();
    }

    public long present() {
        return count(Attendance.PRESENT);
    }

    public long excused() {
        return count(Attendance.EXCUSED);
    }

    public long unexcused() {
        return count(Attendance.UNEXCUSED);
    }
}
