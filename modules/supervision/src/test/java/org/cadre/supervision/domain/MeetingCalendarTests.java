package org.cadre.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MeetingQuality;
import org.cadre.supervision.MemberAttendance;
import org.junit.jupiter.api.Test;

class MeetingCalendarTests {

    final OrganizationId chapter = new OrganizationId(UUID.randomUUID());
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());
    final MeetingCalendar monthly = new MeetingCalendar(12, 4);

    MeetingCalendar.Held regular(int month, Attendance binhs) {
        return new MeetingCalendar.Held(LocalDate.of(2017, month, 10), MeetingKind.REGULAR, List.of(
                new MemberAttendance(an, Attendance.PRESENT, null), new MemberAttendance(binh, binhs, null)));
    }

    @Test
    void missedMonthsCountOnlyFinishedMonths() {
        List<MeetingCalendar.Held> held = List.of(regular(1, Attendance.PRESENT), regular(3, Attendance.PRESENT));
        MeetingQuality inApril = monthly.quality(chapter, 2017, held, LocalDate.of(2017, 4, 20));
        assertThat(inApril.missedMonths()).containsExactly(2); // April is not over
        assertThat(inApril.regularRequired()).isEqualTo(3);
        assertThat(inApril.thematicRequired()).isEqualTo(1); // the first quarter is over
        MeetingQuality later = monthly.quality(chapter, 2017, held, LocalDate.of(2018, 1, 3));
        assertThat(later.missedMonths()).containsExactly(2, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(later.thematicRequired()).isEqualTo(4);
        assertThat(later.attendanceRate()).isEqualTo(1.0);
    }

    @Test
    void aMeetingThisMonthCountsAsDueOnceHeld() {
        MeetingQuality q = monthly.quality(chapter, 2017, List.of(regular(1, Attendance.PRESENT),
                regular(4, Attendance.PRESENT)), LocalDate.of(2017, 4, 20));
        assertThat(q.regularHeld()).isEqualTo(2);
        assertThat(q.regularRequired()).isEqualTo(4);
        assertThat(q.missedMonths()).containsExactly(2, 3);
        assertThat(q.attendancePercent()).isEqualTo(100);
    }

    @Test
    void threeAbsencesInARowAreTheLastThreeNotAnyThree() {
        List<MeetingCalendar.Held> held = new ArrayList<>(List.of(regular(1, Attendance.UNEXCUSED),
                regular(2, Attendance.EXCUSED), regular(3, Attendance.UNEXCUSED), regular(4, Attendance.PRESENT)));
        assertThat(MeetingCalendar.absentInARow(held, 2017, 3)).isEmpty();
        held.add(regular(5, Attendance.EXCUSED));
        held.add(regular(6, Attendance.UNEXCUSED));
        held.add(regular(7, Attendance.UNEXCUSED));
        assertThat(MeetingCalendar.absentInARow(held, 2017, 3)).containsExactly(binh);
    }

    @Test
    void theLongestRunOfAbsences() {
        assertThat(MeetingCalendar.longestAbsence(List.of(Attendance.UNEXCUSED, Attendance.EXCUSED,
                Attendance.PRESENT, Attendance.UNEXCUSED))).isEqualTo(2);
        assertThat(MeetingCalendar.longestAbsence(List.of())).isZero();
    }

    @Test
    void aQuarterlyRegularFrequencyMissesQuarters() {
        MeetingCalendar quarterly = new MeetingCalendar(4, 1);
        MeetingQuality q = quarterly.quality(chapter, 2017, List.of(regular(2, Attendance.PRESENT)),
                LocalDate.of(2018, 2, 1));
        assertThat(q.regularRequired()).isEqualTo(4);
        assertThat(q.missedMonths()).containsExactly(4, 7, 10);
    }
}
