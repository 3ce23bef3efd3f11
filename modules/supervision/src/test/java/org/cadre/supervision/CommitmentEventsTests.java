package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.CommitmentOverdue;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CreateResolution;
import org.cadre.commitments.DraftRegister;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.OpenCampaign;
import org.cadre.commitments.Study;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * What supervision does with commitments' events: an overdue commitment suggests a reminder to the member's
 * secretary, once per item however often the event arrives; the reminder given for it closes the suggestion.
 */
@SupervisionModuleTest
class CommitmentEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Reminders reminders;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
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
    void anOverdueCommitmentSuggestsAReminderOnceAndTheReminderClosesIt(Scenario scenario) {
        UUID item = UUID.randomUUID();
        CommitmentOverdue overdue = new CommitmentOverdue(UUID.randomUUID(), item, f.an, f.tree.chapterA,
                today.getYear(), today.minusDays(6), 40, today.minusDays(1), 5);
        scenario.publish(overdue)
                .andWaitForStateChange(() -> reminders.suggestions(f.tree.committee, f.secretary()),
                        found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).singleElement().satisfies(s -> {
                    assertThat(s.item()).isEqualTo(item);
                    assertThat(s.member()).isEqualTo(f.an);
                    assertThat(s.memberName()).isEqualTo("Nguyễn Văn An");
                    assertThat(s.daysOverdue()).isEqualTo(5);
                    assertThat(s.progress()).isEqualTo(40);
                }));
        // a redelivery (another instance, a restart) changes nothing
        scenario.publish(overdue)
                .andWaitAtMost(Duration.ofSeconds(2))
                .andWaitForStateChange(() -> reminders.suggestions(f.tree.committee, f.secretary()),
                        found -> found.size() == 1)
                .andVerify(found -> assertThat(found).hasSize(1));
        reminders.remind(new RemindMember(f.an.value(), "Hoàn thành cam kết quá hạn", item, today, today.plusDays(7)),
                f.secretary());
        assertThat(reminders.suggestions(f.tree.committee, f.secretary())).isEmpty();
        assertThat(reminders.within(f.tree.chapterA, true, f.secretary())).singleElement()
                .satisfies(r -> assertThat(r.commitmentItem()).isEqualTo(item));
    }

    /** Across modules: commitments' deadline check finds the item overdue, supervision suggests the reminder. */
    @Test
    void aCommitmentThatBecomesOverdueSuggestsAReminderThroughTheEvents(Scenario scenario) {
        int year = today.getYear();
        UUID resolution = study.createResolution(new CreateResolution("04-NQ/TW " + f.tree.prefix,
                "Về tăng cường xây dựng, chỉnh đốn Đảng", LocalDate.of(year - 1, 10, 30), "Ban Chấp hành Trung ương",
                null));
        UUID campaign = study.openCampaign(new OpenCampaign(resolution, f.tree.committee.value(),
                LocalDate.of(year, 1, 5), LocalDate.of(year, 6, 30)));
        Caller member = Caller.of("u-member", Role.MEMBER).withMember(f.binh.value());
        UUID register = registers.draft(new DraftRegister(campaign, f.binh.value(), List.of(
                new ItemDraft("Giải quyết hồ sơ đúng hạn", "Nhiệm vụ được giao", "Hoàn thành 100%",
                        LocalDate.of(year, 3, 28), 100))), member);
        registers.submit(register, member);
        registers.approve(register, f.secretary());
        scenario.stimulate(() -> registers.findOverdue(LocalDate.of(year, 4, 2)))
                .andWaitForStateChange(() -> reminders.suggestions(f.tree.chapterA, f.secretary()),
                        found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).singleElement().satisfies(s -> {
                    assertThat(s.member()).isEqualTo(f.binh);
                    assertThat(s.register()).isEqualTo(register);
                    assertThat(s.deadline()).isEqualTo(LocalDate.of(year, 3, 28));
                    assertThat(s.daysOverdue()).isEqualTo(5);
                }));
    }
}
