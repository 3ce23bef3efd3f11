package org.cadre.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;

/**
 * A tree of its own (organizations' {@link TestTree}) with three members in chapter A (An, Bình, Cường), one in
 * chapter B (Dũng) and a probationary member in chapter A (Em); last year's dates, so its calendar is finished.
 */
final class Fixture {

    final TestTree tree;
    final MemberId an;
    final MemberId binh;
    final MemberId cuong;
    final MemberId dung;
    final MemberId em;
    final int year;

    Fixture(Organizations organizations, Members members, LocalDate today) {
        tree = new TestTree(organizations, members);
        an = tree.admit(tree.chapterA, "Nguyễn", "Văn", "An");
        binh = tree.admit(tree.chapterA, "Trần", "Thị", "Bình");
        cuong = tree.admit(tree.chapterA, "Lê", "Văn", "Cường");
        dung = tree.admit(tree.chapterB, "Phạm", "Văn", "Dũng");
        em = members.admit(new AdmitMember(tree.nextCard(), "Hoàng", "Thị", "Em", LocalDate.of(1995, 3, 2),
                Sex.FEMALE, null, tree.chapterA.value(), today.minusMonths(3), null, true, "Chuyên viên"));
        year = today.getYear() - 1;
    }

    LocalDate on(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    RecordMeeting meeting(LocalDate on, AttendanceEntry... attendance) {
        return new RecordMeeting(tree.chapterA.value(), MeetingKind.REGULAR, on, "Sinh hoạt chi bộ thường kỳ",
                "Biên bản", "Nghị quyết tháng", "Cam kết năm", List.of(attendance));
    }

    static AttendanceEntry present(MemberId member) {
        return new AttendanceEntry(member.value(), Attendance.PRESENT, null);
    }

    static AttendanceEntry excused(MemberId member) {
        return new AttendanceEntry(member.value(), Attendance.EXCUSED, "Đi công tác");
    }

    static AttendanceEntry unexcused(MemberId member) {
        return new AttendanceEntry(member.value(), Attendance.UNEXCUSED, null);
    }

    ImposeDiscipline discipline(MemberId member, DisciplineForm form, LocalDate on, UUID sameAs) {
        return new ImposeDiscipline(member.value(), null, form, "12-QĐ/UBKT " + tree.prefix, on,
                "Ủy ban Kiểm tra Đảng ủy", sameAs == null ? "Vi phạm quy chế làm việc" : null, sameAs, false, false);
    }

    Caller secretary() {
        return secretaryOf(tree.committee);
    }

    static Caller secretaryOf(OrganizationId organization) {
        return Caller.of("u-secretary", Role.SECRETARY).withOrganizationScope(organization.value());
    }

    static Caller admin() {
        return Caller.of("u-admin", Role.ADMIN);
    }
}
