package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.supervision.Fixture.present;

import java.time.Clock;
import java.time.LocalDate;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input is refused with a clear reason and nothing is written. */
@SupervisionModuleTest
class BadInputTests {

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
    void aMeetingDatedInTheFutureIsRefused() {
        assertThatThrownBy(() -> meetings.record(f.meeting(today.plusDays(1), present(f.an)), f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.MEETING_IN_FUTURE));
        assertThat(meetings.list(f.tree.chapterA, today.plusDays(1).getYear(), f.secretary())).isEmpty();
    }

    @Test
    void attendanceForSomeoneNotInTheChapterIsRefusedAndNothingWritten() {
        assertThatThrownBy(() -> meetings.record(f.meeting(f.on(5, 5), present(f.an), present(f.dung)),
                f.secretary()))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(SupervisionRefusal.NOT_A_MEMBER_OF_CHAPTER);
                    assertThat(r.arguments()[0]).isEqualTo("Phạm Văn Dũng");
                });
        assertThat(meetings.list(f.tree.chapterA, f.year, f.secretary())).isEmpty();
        assertThat(meetings.memberYear(f.an, f.year).meetingsRequired()).isZero();
    }

    @Test
    void aSecretaryOfAnotherChapterMayNotRecordItsMeetings() {
        assertThatThrownBy(() -> meetings.record(f.meeting(f.on(5, 5), present(f.an)),
                Fixture.secretaryOf(f.tree.chapterB)))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(OrganizationRefusal.OUT_OF_SCOPE));
    }

    @Test
    void aProbationaryMemberMayOnlyBeReprimandedOrWarned() {
        assertThatThrownBy(() -> disciplines.impose(f.discipline(f.em, DisciplineForm.EXPULSION, today, null),
                f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FORM_NOT_FOR_PROBATIONARY));
        assertThatThrownBy(() -> disciplines.impose(f.discipline(f.em, DisciplineForm.REMOVAL_FROM_POST, today,
                null), f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FORM_NOT_FOR_PROBATIONARY));
        assertThat(disciplines.ofMember(f.em)).isEmpty();
        assertThat(members.find(f.em).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        disciplines.impose(f.discipline(f.em, DisciplineForm.WARNING, today, null), f.secretary());
        assertThat(disciplines.ofMember(f.em)).hasSize(1);
    }

    @Test
    void aDisciplineDatedInTheFutureOrOfAnotherSubjectsViolationIsRefused() {
        assertThatThrownBy(() -> disciplines.impose(f.discipline(f.an, DisciplineForm.REPRIMAND,
                today.plusDays(3), null), f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.DECISION_IN_FUTURE));
        java.util.UUID ofAn = disciplines.impose(f.discipline(f.an, DisciplineForm.REPRIMAND, today, null),
                f.secretary());
        assertThatThrownBy(() -> disciplines.impose(f.discipline(f.cuong, DisciplineForm.WARNING, today, ofAn),
                f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.VIOLATION_OF_ANOTHER));
        assertThat(disciplines.ofMember(f.cuong)).isEmpty();
    }

    @Test
    void anExpulsionOrganizationsRefusesWritesNoDiscipline() {
        disciplines.impose(f.discipline(f.cuong, DisciplineForm.EXPULSION, today, null), f.secretary());
        assertThatThrownBy(() -> disciplines.impose(f.discipline(f.cuong, DisciplineForm.REPRIMAND, today, null),
                f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.MEMBER_NOT_ON_ROLLS));
        assertThat(disciplines.ofMember(f.cuong)).hasSize(1);
    }

    @Test
    void aReminderDueBeforeItWasGivenIsRefused() {
        assertThatThrownBy(() -> reminders.remind(new RemindMember(f.an.value(), "Nộp báo cáo", null, today,
                today.minusDays(1)), f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.DUE_BEFORE_REMINDER));
        assertThat(reminders.ofMember(f.an)).isEmpty();
    }
}
