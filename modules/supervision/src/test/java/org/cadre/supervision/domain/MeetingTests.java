package org.cadre.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.ChapterMeetingHeld;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MemberAttendance;
import org.cadre.supervision.SupervisionRefusal;
import org.junit.jupiter.api.Test;

class MeetingTests {

    static final LocalDate TODAY = LocalDate.of(2017, 6, 15);
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());
    final MemberId stranger = new MemberId(UUID.randomUUID());
    final Meeting meeting = new Meeting(UUID.randomUUID(), new OrganizationId(UUID.randomUUID()), MeetingKind.REGULAR);

    ChapterMeetingHeld hold(LocalDate on, MemberAttendance... listed) {
        return meeting.hold(on, List.of(listed), true, Set.of(an, binh), id -> id == an ? "An" : "Người lạ", TODAY);
    }

    @Test
    void aMeetingCountsItsAttendance() {
        ChapterMeetingHeld held = hold(TODAY, new MemberAttendance(an, Attendance.PRESENT, null),
                new MemberAttendance(binh, Attendance.UNEXCUSED, null));
        assertThat(held.present()).isEqualTo(1);
        assertThat(held.unexcused()).isEqualTo(1);
        assertThat(held.excused()).isZero();
        assertThat(meeting.heldOn()).isEqualTo(TODAY);
        assertThat(meeting.attendance()).hasSize(2);
    }

    @Test
    void aMeetingAfterTodayIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> hold(TODAY.plusDays(1), new MemberAttendance(an, Attendance.PRESENT, null)))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.MEETING_IN_FUTURE));
        assertThat(meeting.heldOn()).isNull();
        assertThat(meeting.attendance()).isEmpty();
    }

    @Test
    void someoneNotInTheChapterOrListedTwiceIsRefused() {
        assertThatThrownBy(() -> hold(TODAY, new MemberAttendance(stranger, Attendance.PRESENT, null)))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.NOT_A_MEMBER_OF_CHAPTER));
        assertThatThrownBy(() -> hold(TODAY, new MemberAttendance(an, Attendance.PRESENT, null),
                new MemberAttendance(an, Attendance.EXCUSED, "ốm")))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.LISTED_TWICE));
        assertThatThrownBy(() -> hold(TODAY))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.NOBODY_LISTED));
        assertThat(meeting.attendance()).isEmpty();
    }

    @Test
    void onlyAnOrganizationThatHoldsMembersMeets() {
        assertThatThrownBy(() -> meeting.hold(TODAY, List.of(), false, Set.of(), id -> "", TODAY))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.NOT_A_CHAPTER));
    }
}
