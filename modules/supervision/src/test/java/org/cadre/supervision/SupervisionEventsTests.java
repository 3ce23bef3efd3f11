package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.supervision.Fixture.excused;
import static org.cadre.supervision.Fixture.present;
import static org.cadre.supervision.Fixture.unexcused;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * Every change of the supervision module publishes its event, with the dates and numbers in the payload, in the
 * transaction that changed the state: what evaluation builds on.
 */
@SupervisionModuleTest
class SupervisionEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    Disciplines disciplines;
    @Autowired
    Reminders reminders;
    @Autowired
    Clock clock;

    Fixture f;
    LocalDate today;

    @BeforeEach
    void tree() {
        today = LocalDate.now(clock);
        f = new Fixture(organizations, members, today);
    }

    @Test
    void aMeetingPublishesChapterMeetingHeldWithTheAttendance(Scenario scenario) {
        scenario.stimulate(() -> meetings.record(f.meeting(f.on(3, 5), present(f.an), excused(f.binh),
                        unexcused(f.cuong)), f.secretary()))
                .andWaitForEventOfType(ChapterMeetingHeld.class).matching(e -> e.organization().equals(f.tree.chapterA))
                .toArriveAndVerify(e -> {
                    assertThat(e.heldOn()).isEqualTo(f.on(3, 5));
                    assertThat(e.kind()).isEqualTo(MeetingKind.REGULAR);
                    assertThat(e.present()).isEqualTo(1);
                    assertThat(e.excused()).isEqualTo(1);
                    assertThat(e.unexcused()).isEqualTo(1);
                    assertThat(e.attendance()).extracting(MemberAttendance::member, MemberAttendance::attendance)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(f.an, Attendance.PRESENT),
                                    org.assertj.core.groups.Tuple.tuple(f.binh, Attendance.EXCUSED),
                                    org.assertj.core.groups.Tuple.tuple(f.cuong, Attendance.UNEXCUSED));
                    assertThat(e.attendance()).filteredOn(a -> a.member().equals(f.binh))
                            .singleElement().extracting(MemberAttendance::reason).isEqualTo("Đi công tác");
                });
    }

    @Test
    void aDisciplinePublishesDisciplineImposedWithItsViolation(Scenario scenario) {
        scenario.stimulate(() -> disciplines.impose(f.discipline(f.an, DisciplineForm.WARNING, today.minusDays(2),
                        null), f.secretary()))
                .andWaitForEventOfType(DisciplineImposed.class).matching(e -> f.an.equals(e.member()))
                .toArriveAndVerify(e -> {
                    assertThat(e.form()).isEqualTo(DisciplineForm.WARNING);
                    assertThat(e.decidedOn()).isEqualTo(today.minusDays(2));
                    assertThat(e.decision()).isEqualTo("12-QĐ/UBKT " + f.tree.prefix);
                    assertThat(e.organization()).isEqualTo(f.tree.chapterA);
                    assertThat(e.newViolation()).isTrue();
                    assertThat(e.membershipEnded()).isFalse();
                });
    }

    @Test
    void anExpulsionEndsTheMembershipThroughOrganizationsWithTheDecisionAndReason(Scenario scenario) {
        scenario.stimulate(() -> disciplines.impose(f.discipline(f.binh, DisciplineForm.EXPULSION,
                        today.minusDays(1), null), f.secretary()))
                .andWaitForEventOfType(MemberLeft.class).matching(e -> e.member().equals(f.binh))
                .toArriveAndVerify(e -> {
                    assertThat(e.how()).isEqualTo(MemberStatus.REMOVED);
                    assertThat(e.on()).isEqualTo(today.minusDays(1));
                    assertThat(e.decision()).isEqualTo("12-QĐ/UBKT " + f.tree.prefix);
                    assertThat(e.reason()).isEqualTo("Vi phạm quy chế làm việc");
                });
        assertThat(members.find(f.binh).orElseThrow().status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(members.history(f.binh)).anySatisfy(h -> {
            assertThat(h.decision()).isEqualTo("12-QĐ/UBKT " + f.tree.prefix);
            assertThat(h.reason()).isEqualTo("Vi phạm quy chế làm việc");
        });
        assertThat(disciplines.ofMember(f.binh)).singleElement()
                .extracting(DisciplineView::form).isEqualTo(DisciplineForm.EXPULSION);
    }

    @Test
    void aReminderPublishesMemberRemindedAndItsFollowUpReminderFollowedUp(Scenario scenario) {
        UUID[] id = new UUID[1];
        scenario.stimulate(() -> id[0] = reminders.remind(new RemindMember(f.cuong.value(),
                        "Nộp báo cáo tiến độ cam kết", null, today.minusDays(10), today.minusDays(3)), f.secretary()))
                .andWaitForEventOfType(MemberReminded.class).matching(e -> e.member().equals(f.cuong))
                .toArriveAndVerify(e -> {
                    assertThat(e.remindedOn()).isEqualTo(today.minusDays(10));
                    assertThat(e.dueOn()).isEqualTo(today.minusDays(3));
                    assertThat(e.organization()).isEqualTo(f.tree.chapterA);
                });
        scenario.stimulate(() -> reminders.followUp(id[0], new FollowUpReminder(today.minusDays(1), true,
                        "Đã nộp"), f.secretary()))
                .andWaitForEventOfType(ReminderFollowedUp.class).matching(e -> e.reminder().equals(id[0]))
                .toArriveAndVerify(e -> {
                    assertThat(e.done()).isTrue();
                    assertThat(e.late()).isTrue();
                });
        assertThat(meetings.memberYear(f.cuong, today.minusDays(10).getYear()).reminders()).isPositive();
    }
}
