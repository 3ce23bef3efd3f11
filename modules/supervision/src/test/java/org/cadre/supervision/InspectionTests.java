package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** An inspection opened, a finding with its remedy, the remedy resolved: each publishes its event; bad input is refused. */
@SupervisionModuleTest
class InspectionTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Inspections inspections;
    @Autowired
    Reminders reminders;
    @Autowired
    HeadsDesk heads;
    @Autowired
    Clock clock;

    Fixture f;
    LocalDate today;

    @BeforeEach
    void tree() {
        today = LocalDate.now(clock);
        f = new Fixture(organizations, members, today);
    }

    UUID open() {
        return inspections.open(new OpenInspection(InspectionKind.INSPECTION, InspectionPlan.THEMATIC,
                f.tree.chapterA.value(), null, "Kiểm tra việc thực hiện cam kết", "Tổ kiểm tra 01",
                today.minusMonths(6), today.minusMonths(1), today.minusDays(20)), f.secretary());
    }

    @Test
    void openingRecordingAndResolvingPublishTheirEvents(Scenario scenario) {
        UUID[] inspection = new UUID[1];
        scenario.stimulate(() -> inspection[0] = open())
                .andWaitForEventOfType(SupervisionOpened.class).matching(e -> e.organization().equals(f.tree.chapterA))
                .toArriveAndVerify(e -> {
                    assertThat(e.kind()).isEqualTo(InspectionKind.INSPECTION);
                    assertThat(e.plan()).isEqualTo(InspectionPlan.THEMATIC);
                    assertThat(e.openedOn()).isEqualTo(today.minusDays(20));
                    assertThat(e.member()).isNull();
                });
        UUID[] finding = new UUID[1];
        scenario.stimulate(() -> finding[0] = inspections.recordFinding(inspection[0], new RecordFinding(
                        FindingNature.SHORTCOMING, Severity.MEDIUM, "Chưa rà soát cam kết hằng quý", today.minusDays(15),
                        "Rà soát cam kết quý", today.minusDays(5)), f.secretary()))
                .andWaitForEventOfType(FindingRecorded.class).matching(e -> e.inspection().equals(inspection[0]))
                .toArriveAndVerify(e -> {
                    assertThat(e.nature()).isEqualTo(FindingNature.SHORTCOMING);
                    assertThat(e.remedyDue()).isEqualTo(today.minusDays(5));
                });
        assertThat(inspections.openFindings(f.tree.committee, f.secretary())).extracting(FindingView::id)
                .containsExactly(finding[0]);
        assertThat(inspections.organizationYear(f.tree.chapterA, today.getYear()))
                .isEqualTo(new FindingCounts(1, 0));
        scenario.stimulate(() -> inspections.resolve(finding[0], new ResolveFinding(today.minusDays(2),
                        "Đã rà soát"), f.secretary()))
                .andWaitForEventOfType(FindingResolved.class).matching(e -> e.finding().equals(finding[0]))
                .toArriveAndVerify(e -> {
                    assertThat(e.resolvedOn()).isEqualTo(today.minusDays(2));
                    assertThat(e.onTime()).isFalse();
                });
        assertThat(inspections.openFindings(f.tree.committee, f.secretary())).isEmpty();
        assertThat(inspections.organizationYear(f.tree.chapterA, today.getYear()))
                .isEqualTo(new FindingCounts(0, 1));
    }

    @Test
    void resolvingARemedyBeforeItWasRequiredIsRefused() {
        UUID inspection = open();
        UUID finding = inspections.recordFinding(inspection, new RecordFinding(FindingNature.VIOLATION, Severity.HIGH,
                "Vi phạm quy chế", today.minusDays(10), "Kiểm điểm", today.plusDays(10)), f.secretary());
        assertThatThrownBy(() -> inspections.resolve(finding, new ResolveFinding(today.minusDays(11), "x"),
                f.secretary())).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.RESOLVED_BEFORE_REQUIRED));
        UUID strength = inspections.recordFinding(inspection, new RecordFinding(FindingNature.STRENGTH, Severity.LOW,
                "Sinh hoạt đều", today.minusDays(10), null, null), f.secretary());
        assertThatThrownBy(() -> inspections.resolve(strength, new ResolveFinding(today, "x"), f.secretary()))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.NO_REMEDY_REQUIRED));
        assertThat(inspections.openFindings(f.tree.chapterA, f.secretary())).extracting(FindingView::id)
                .containsExactly(finding);
    }

    @Test
    void theHeadsDeskListsOpenFindingsAndRemindersPastDueWithoutFollowUp() {
        UUID finding = inspections.recordFinding(open(), new RecordFinding(FindingNature.VIOLATION, Severity.HIGH,
                "Vi phạm quy chế", today.minusDays(10), "Kiểm điểm", today.plusDays(10)), f.secretary());
        UUID late = reminders.remind(new RemindMember(f.an.value(), "Nộp báo cáo", null, today.minusDays(9),
                today.minusDays(2)), f.secretary());
        reminders.remind(new RemindMember(f.binh.value(), "Nộp báo cáo", null, today.minusDays(1), today.plusDays(5)),
                f.secretary());
        HeadsDesk.Desk desk = heads.desk(f.tree.committee, f.secretary());
        assertThat(desk.openFindings()).extracting(FindingView::id).containsExactly(finding);
        assertThat(desk.remindersWithoutFollowUp()).extracting(ReminderView::id).containsExactly(late);
        assertThat(desk.remindersWithoutFollowUp().get(0).memberName()).isEqualTo("Nguyễn Văn An");
        reminders.followUp(late, new FollowUpReminder(today, true, "Đã nộp"), f.secretary());
        assertThat(heads.desk(f.tree.committee, f.secretary()).remindersWithoutFollowUp()).isEmpty();
        assertThatThrownBy(() -> heads.desk(f.tree.committee, Fixture.secretaryOf(f.tree.chapterB)))
                .isInstanceOf(Refused.class);
    }
}
