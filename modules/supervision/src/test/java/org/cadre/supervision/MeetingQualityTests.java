package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.supervision.Fixture.excused;
import static org.cadre.supervision.Fixture.present;
import static org.cadre.supervision.Fixture.unexcused;

import java.time.Clock;
import java.time.LocalDate;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meeting-quality figures a secretary and the committee read, and what evaluation reads of a member's and an
 * organization's year: they follow the meetings recorded.
 */
@SupervisionModuleTest
class MeetingQualityTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    Disciplines disciplines;
    @Autowired
    Clock clock;

    Fixture f;

    @BeforeEach
    void tree() {
        f = new Fixture(organizations, members, LocalDate.now(clock));
    }

    @Test
    void attendanceRateMissedMonthsAndThreeAbsencesInARowFollowTheMeetings() {
        MeetingQuality before = meetings.quality(f.tree.chapterA, f.year, f.secretary());
        assertThat(before.regularHeld()).isZero();
        assertThat(before.missedMonths()).hasSize(12);
        assertThat(before.attendanceRate()).isZero();

        for (int month = 1; month <= 10; month++) {
            if (month == 7) {
                continue; // July missed
            }
            meetings.record(f.meeting(f.on(month, 5), present(f.an),
                    month >= 8 ? unexcused(f.binh) : present(f.binh),
                    month == 3 ? excused(f.cuong) : present(f.cuong)), f.secretary());
        }
        meetings.record(new RecordMeeting(f.tree.chapterA.value(), MeetingKind.THEMATIC, f.on(6, 20),
                "Chuyên đề học tập và làm theo tư tưởng Hồ Chí Minh", null, null, null,
                java.util.List.of(present(f.an), present(f.binh), present(f.cuong))), f.secretary());

        MeetingQuality after = meetings.quality(f.tree.chapterA, f.year, f.secretary());
        assertThat(after.regularHeld()).isEqualTo(9);
        assertThat(after.regularRequired()).isEqualTo(12);
        assertThat(after.thematicHeld()).isEqualTo(1);
        assertThat(after.thematicRequired()).isEqualTo(4);
        assertThat(after.missedMonths()).containsExactly(7, 11, 12);
        assertThat(after.listed()).isEqualTo(30);
        assertThat(after.present()).isEqualTo(26); // Bình absent 3 times, Cường once
        assertThat(after.attendanceRate()).isCloseTo(26.0 / 30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.absentInARow()).containsExactly(f.binh);

        MemberMeetingFacts binh = meetings.memberYear(f.binh, f.year);
        assertThat(binh.meetingsRequired()).isEqualTo(10);
        assertThat(binh.meetingsAttended()).isEqualTo(7);
        assertThat(binh.consecutiveAbsences()).isEqualTo(3);
        assertThat(binh.unexcusedAbsences()).isEqualTo(3);
        MemberMeetingFacts cuong = meetings.memberYear(f.cuong, f.year);
        assertThat(cuong.unexcusedAbsences()).isZero();
        assertThat(cuong.consecutiveAbsences()).isEqualTo(1);

        assertThat(meetings.list(f.tree.chapterA, f.year, f.secretary())).hasSize(10)
                .first().satisfies(m -> assertThat(m.heldOn()).isEqualTo(f.on(10, 5)));
        assertThat(meetings.qualityWithin(f.tree.committee, f.year, f.secretary()))
                .extracting(MeetingQuality::organization, MeetingQuality::missedMonths, MeetingQuality::listed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(f.tree.chapterA, java.util.List.of(7, 11, 12), 30),
                        org.assertj.core.groups.Tuple.tuple(f.tree.chapterB,
                                java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 0));
        OrganizationDisciplineFacts chapter = disciplines.organizationYear(f.tree.chapterA, f.year);
        assertThat(chapter.meetingsHeld()).isEqualTo(10);
        assertThat(chapter.meetingsRequired()).isEqualTo(16);
    }

    @Test
    void oneViolationCountsOnceWhateverTheNumberOfDecisions() {
        LocalDate today = LocalDate.now(clock);
        java.util.UUID first = disciplines.impose(f.discipline(f.an, DisciplineForm.REPRIMAND, today.minusDays(20),
                null), f.secretary());
        disciplines.impose(f.discipline(f.an, DisciplineForm.WARNING, today.minusDays(5), first), Fixture.admin());
        assertThat(disciplines.memberYear(f.an, today.getYear())).hasSize(2)
                .extracting(DisciplineView::violation).containsOnly(
                        disciplines.ofMember(f.an).get(0).violation());
        assertThat(disciplines.memberYear(f.an, today.getYear()).stream().map(DisciplineView::violation).distinct())
                .hasSize(1);
    }
}
