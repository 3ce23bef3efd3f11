package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.internal.facts.FactsRebuild;
import org.cadre.evaluation.internal.facts.YearFacts;
import org.cadre.evaluation.internal.facts.YearFacts.GrassrootsBatch;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TransferMember;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.AttendanceEntry;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.ImposeDiscipline;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MemberReminded;
import org.cadre.supervision.RecordMeeting;
import org.cadre.supervision.RemindMember;
import org.cadre.supervision.Reminders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts projection per year, as a classification run reads it through {@link YearFacts}: built from the events
 * of organizations and supervision (their real publishers, bootstrapped with this module, or events published as
 * they are), unchanged by a redelivery or a late event, a cancellation winning whatever the order, equal after a
 * rebuild from the facades, and rating the members the regulation says are rated in the year.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class FactsProjectionTests {

    static final int YEAR = 2017;
    static final Caller ADMIN = Caller.of("facts-admin", Role.ADMIN);

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
    YearFacts facts;
    @Autowired
    FactsRebuild rebuild;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterLocks locks;

    String prefix;
    OrganizationId grassroots;
    OrganizationId chapterA;
    OrganizationId chapterB;
    int cards;

    @BeforeEach
    void tree() {
        prefix = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(2005, 1, 10);
        grassroots = organizations.register(new RegisterOrganization(prefix, "Đảng bộ " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, grassroots.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, grassroots.value(), LocalDate.of(2017, 2, 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts.tree(YEAR, grassroots.value()).size() == 3);
    }

    MemberId admit(OrganizationId organization, String given, LocalDate admittedOn) {
        MemberId id = members.admit(new AdmitMember(prefix + "-" + (++cards), "Trần", "Văn", given,
                LocalDate.of(1980, 4, 12), Sex.MALE, null, organization.value(), admittedOn,
                admittedOn.plusYears(1).isAfter(LocalDate.of(2019, 1, 1)) ? null : admittedOn.plusYears(1), true,
                "Chuyên viên"));
        await().atMost(Duration.ofSeconds(20)).until(() -> member(id).isPresent());
        return id;
    }

    // ---- what a run reads

    List<GrassrootsBatch> batches() {
        List<GrassrootsBatch> out = new ArrayList<>();
        facts.forEachGrassroots(YEAR, grassroots.value(), out::add);
        return out;
    }

    Optional<MemberFacts> member(MemberId id) {
        return batches().stream().flatMap(b -> b.members().stream())
                .filter(m -> m.getSubjectId().equals(id.value().toString())).findFirst();
    }

    OrganizationFacts organization(OrganizationId id) {
        return batches().stream().flatMap(b -> b.organizations().stream())
                .filter(o -> o.getSubjectId().equals(id.value().toString())).findFirst().orElseThrow();
    }

    int archived(UUID id, String listener) {
        return jdbc.sql("""
                SELECT count(*) FROM events.event_publication_archive
                WHERE listener_id = :listener AND serialized_event LIKE :id AND completion_date IS NOT NULL
                """).param("listener", listener).param("id", "%" + id + "%").query(Integer.class).single();
    }

    // ---- tests

    @Test
    void theYearsTreeHasTheGrassrootsOrganizationAndItsChapters() {
        List<YearFacts.OrganizationNode> tree = facts.tree(YEAR, grassroots.value());
        assertThat(tree).extracting(YearFacts.OrganizationNode::code)
                .containsExactly(prefix, prefix + "-A", prefix + "-B");
        assertThat(tree).allSatisfy(n -> assertThat(n.grassroots()).isEqualTo(grassroots.value()));
        // chapter B did not exist in 2016
        assertThat(facts.tree(2016, grassroots.value())).hasSize(2);
        OrganizationFacts b = organization(chapterB);
        assertThat(b.getMonthsSinceEstablished()).isEqualTo(11);
        assertThat(b.getParentId()).isEqualTo(grassroots.value().toString());
        assertThat(organization(grassroots).getSubordinateUnits()).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventChangesNothing(Scenario scenario) {
        MemberId id = admit(chapterA, "An", LocalDate.of(2010, 5, 19));
        var reminded = new MemberReminded(UUID.randomUUID(), id, chapterA, LocalDate.of(YEAR, 3, 1),
                LocalDate.of(YEAR, 3, 31), null);
        scenario.publish(reminded).andWaitForStateChange(() -> member(id).orElseThrow().getReminders(),
                count -> count == 1);
        scenario.publish(reminded).andWaitForStateChange(() -> archived(reminded.reminder(),
                "evaluation.on-member-reminded"), count -> count == 2);
        assertThat(member(id).orElseThrow().getReminders()).isEqualTo(1);

        // the admission delivered again: one membership, one status, the same facts
        MemberSummary now = members.find(id).orElseThrow();
        MemberFacts before = member(id).orElseThrow();
        scenario.publish(new MemberAdmitted(id, chapterA, now.cardNumber(), now.fullName(), now.bornOn(), Sex.MALE,
                now.admittedOn(), now.confirmedOn(), true)).andWaitForStateChange(() -> archived(id.value(),
                "evaluation.on-member-admitted"), count -> count == 2);
        assertThat(RatingJson.write(member(id).orElseThrow())).isEqualTo(RatingJson.write(before));
    }

    @Test
    void aLateEventHandledAfterANewerOneLeavesTheRightState(Scenario scenario) {
        MemberId id = admit(chapterA, "Bình", LocalDate.of(2010, 5, 19));
        // reinstated in September, handled before the suspension of May it ends
        scenario.publish(new MemberReinstated(id, chapterA, LocalDate.of(YEAR, 9, 1), "Hết thời hạn"))
                .andWaitForStateChange(() -> archived(id.value(), "evaluation.on-member-reinstated"), c -> c == 1);
        scenario.publish(new MemberSuspended(id, chapterA, LocalDate.of(YEAR, 5, 1), "Chờ xem xét", "01-QĐ"))
                .andWaitForStateChange(() -> archived(id.value(), "evaluation.on-member-suspended"), c -> c == 1);
        assertThat(member(id).orElseThrow().isSuspended()).isFalse();

        // a transfer in April, then the admission of 2010 delivered late: still rated in chapter B
        scenario.stimulate(() -> members.transfer(id, new TransferMember(chapterB.value(), LocalDate.of(YEAR, 4, 1))))
                .andWaitForStateChange(() -> member(id).map(MemberFacts::getOrganizationId)
                        .filter(chapterB.value().toString()::equals), Optional::isPresent);
        MemberSummary now = members.find(id).orElseThrow();
        scenario.publish(new MemberAdmitted(id, chapterA, now.cardNumber(), now.fullName(), now.bornOn(), Sex.MALE,
                now.admittedOn(), now.confirmedOn(), true)).andWaitForStateChange(() -> archived(id.value(),
                "evaluation.on-member-admitted"), count -> count == 2);
        assertThat(member(id).orElseThrow().getOrganizationId()).isEqualTo(chapterB.value().toString());
    }

    @Test
    void aCancellationWinsWhateverTheOrder(Scenario scenario) {
        MemberId id = admit(chapterA, "Cường", LocalDate.of(2010, 5, 19));
        // the cancellation handled before the suspension it cancels
        LocalDate on = LocalDate.of(YEAR, 6, 1);
        scenario.publish(new MemberStatusChangeCancelled(id, chapterA, MemberStatus.SUSPENDED, MemberStatus.ACTIVE,
                on, "Nhầm")).andWaitForStateChange(() -> archived(id.value(),
                "evaluation.on-member-status-change-cancelled"), c -> c == 1);
        scenario.publish(new MemberSuspended(id, chapterA, on, "Chờ xem xét", "02-QĐ"))
                .andWaitForStateChange(() -> archived(id.value(), "evaluation.on-member-suspended"), c -> c == 1);
        assertThat(member(id).orElseThrow().isSuspended()).isFalse();

        // a real transfer cancelled through organizations: rated in A again, no previous unit
        scenario.stimulate(() -> members.transfer(id, new TransferMember(chapterB.value(), LocalDate.of(YEAR, 4, 1))))
                .andWaitForStateChange(() -> member(id).map(MemberFacts::getOrganizationId)
                        .filter(chapterB.value().toString()::equals), Optional::isPresent);
        scenario.stimulate(() -> members.cancelTransfer(id, new CancelChange("Ghi nhầm"), ADMIN))
                .andWaitForStateChange(() -> member(id)
                        .filter(m -> m.getOrganizationId().equals(chapterA.value().toString())), Optional::isPresent)
                .andVerify(found -> assertThat(found).get().satisfies(m -> assertThat(m.getExtra()).isEmpty()));
    }

    @Test
    void whoIsRatedInTheYear() {
        MemberId stays = admit(chapterA, "Dũng", LocalDate.of(2010, 5, 19));
        MemberId leaves = admit(chapterA, "Đức", LocalDate.of(2010, 5, 19));
        MemberId moves = admit(chapterA, "Giang", LocalDate.of(2016, 7, 1));
        MemberId recent = admit(chapterA, "Hải", LocalDate.of(YEAR, 7, 1));
        members.end(leaves, new EndMembership(MemberStatus.LEFT, LocalDate.of(YEAR, 6, 30), "Xin ra khỏi Đảng",
                "07-QĐ"));
        members.transfer(moves, new TransferMember(chapterB.value(), LocalDate.of(YEAR, 4, 1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> member(leaves).isEmpty()
                && member(moves).map(MemberFacts::getOrganizationId).filter(chapterB.value().toString()::equals)
                .isPresent());

        assertThat(member(stays)).get().satisfies(m -> {
            assertThat(m.getOrganizationId()).isEqualTo(chapterA.value().toString());
            assertThat(m.getGrassrootsOrganizationId()).isEqualTo(grassroots.value().toString());
            assertThat(m.getMonthsSinceAdmission()).isEqualTo(91);
            assertThat(m.isProbationary()).isFalse();
            assertThat(m.isCivilServant()).isTrue();
        });
        assertThat(member(moves)).get().satisfies(m -> {
            assertThat(m.getOrganizationId()).isEqualTo(chapterB.value().toString());
            assertThat(m.getExtra()).containsEntry("monthsAtPreviousUnit", 3)
                    .containsEntry("previousOrganizationId", chapterA.value().toString());
            assertThat(m.getMonthsSinceAdmission()).isEqualTo(18);
        });
        assertThat(member(recent)).get().satisfies(m -> {
            assertThat(m.getMonthsSinceAdmission()).isEqualTo(6);
            assertThat(m.isProbationary()).isTrue();
        });
        // in the year before, the one who left was still there
        List<String> rated2016 = new ArrayList<>();
        facts.forEachGrassroots(2016, grassroots.value(), b -> b.members().forEach(m -> rated2016.add(m.getSubjectId())));
        assertThat(rated2016).contains(leaves.value().toString(), moves.value().toString())
                .doesNotContain(recent.value().toString());
        // what the batch holds of each organization
        assertThat(organization(chapterA).getMemberCount()).isEqualTo(2);
        assertThat(organization(chapterB).getMemberCount()).isEqualTo(1);
        assertThat(organization(grassroots).getSubOrganizationCount()).isEqualTo(2);
    }

    @Test
    void aSupervisionEventChangesTheMembersFactsForTheYear() {
        MemberId present = admit(chapterA, "Khoa", LocalDate.of(2010, 5, 19));
        MemberId absent = admit(chapterA, "Lâm", LocalDate.of(2010, 5, 19));
        assertThat(member(absent).orElseThrow().getMeetingsRequired()).isZero();

        meetings.record(new RecordMeeting(chapterA.value(), MeetingKind.REGULAR, LocalDate.of(YEAR, 3, 10),
                "Sinh hoạt tháng 3", null, null, null, List.of(
                        new AttendanceEntry(present.value(), Attendance.PRESENT, null),
                        new AttendanceEntry(absent.value(), Attendance.UNEXCUSED, null))), ADMIN);
        meetings.record(new RecordMeeting(chapterA.value(), MeetingKind.REGULAR, LocalDate.of(YEAR, 4, 10),
                "Sinh hoạt tháng 4", null, null, null, List.of(
                        new AttendanceEntry(present.value(), Attendance.PRESENT, null),
                        new AttendanceEntry(absent.value(), Attendance.EXCUSED, "Ốm"))), ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> member(absent).orElseThrow().getMeetingsRequired() == 2);
        assertThat(member(absent)).get().satisfies(m -> {
            assertThat(m.getMeetingsAttended()).isZero();
            assertThat(m.getUnexcusedAbsences()).isEqualTo(1);
            assertThat(m.getConsecutiveAbsences()).isEqualTo(2);
        });
        assertThat(member(present).orElseThrow().getMeetingsAttended()).isEqualTo(2);
        assertThat(organization(chapterA).getMeetingsHeld()).isEqualTo(2);

        disciplines.impose(new ImposeDiscipline(absent.value(), null, DisciplineForm.REPRIMAND, "15-QĐ/ĐU",
                LocalDate.of(YEAR, 5, 20), "Đảng ủy " + prefix, "Bỏ sinh hoạt", null, false, false), ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> !member(absent).orElseThrow().getDisciplines().isEmpty());
        assertThat(member(absent).orElseThrow().getDisciplines()).singleElement().satisfies(d -> {
            assertThat(d.form()).isEqualTo("KHIEN_TRACH");
            assertThat(d.date()).isEqualTo(LocalDate.of(YEAR, 5, 20));
            assertThat(d.selfDetectedAndRemedied()).isFalse();
        });
        assertThat(member(present).orElseThrow().getDisciplines()).isEmpty();
    }

    @Test
    void theRebuildGivesTheSameFactsAsTheEvents() {
        MemberId secretary = admit(chapterA, "Minh", LocalDate.of(2008, 3, 3));
        MemberId moves = admit(chapterA, "Nam", LocalDate.of(2012, 9, 2));
        MemberId reminded = admit(chapterA, "Phúc", LocalDate.of(2014, 1, 15));
        organizations.assignRole(chapterA, new AssignRole(secretary.value(), OrganizationRole.SECRETARY,
                LocalDate.of(2015, 1, 1)));
        members.transfer(moves, new TransferMember(chapterB.value(), LocalDate.of(YEAR, 5, 1)));
        meetings.record(new RecordMeeting(chapterA.value(), MeetingKind.REGULAR, LocalDate.of(YEAR, 2, 10),
                "Sinh hoạt tháng 2", null, null, null, List.of(
                        new AttendanceEntry(secretary.value(), Attendance.PRESENT, null),
                        new AttendanceEntry(moves.value(), Attendance.UNEXCUSED, null),
                        new AttendanceEntry(reminded.value(), Attendance.PRESENT, null))), ADMIN);
        reminders.remind(new RemindMember(reminded.value(), "Nộp bản cam kết", null, LocalDate.of(YEAR, 3, 1),
                LocalDate.of(YEAR, 3, 15)), ADMIN);
        disciplines.impose(new ImposeDiscipline(secretary.value(), null, DisciplineForm.WARNING, "16-QĐ/ĐU",
                LocalDate.of(YEAR, 8, 1), "Đảng ủy " + prefix, "Vi phạm", null, true, true), ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> member(secretary).map(m -> !m.getDisciplines().isEmpty()
                && m.isLeader()).orElse(false)
                && member(reminded).map(m -> m.getReminders() == 1 && m.getMeetingsAttended() == 1).orElse(false)
                && member(moves).map(m -> m.getOrganizationId().equals(chapterB.value().toString())
                && m.getUnexcusedAbsences() == 1).orElse(false));
        String byEvents = RatingJson.write(batches());
        assertThat(organization(chapterA).getLeadershipMemberDisciplineForms()).containsExactly("CANH_CAO");
        assertThat(organization(chapterA).getLeadershipMemberDisciplinesSelfDetected()).isEqualTo(1);

        // the ledger's rows of the year emptied by hand, then refilled from the facades
        jdbc.sql("DELETE FROM evaluation.fact_attendance WHERE member_id = ANY(:ids)")
                .param("ids", new UUID[] {secretary.value(), moves.value(), reminded.value()}).update();
        // and a member's life as if a bulk load had written it (the rebuild writes those in batches)
        for (String table : List.of("fact_member", "fact_membership", "fact_status")) {
            jdbc.sql("DELETE FROM evaluation." + table + " WHERE member_id = :id").param("id", reminded.value())
                    .update();
        }
        assertThat(RatingJson.write(batches())).isNotEqualTo(byEvents);
        transaction.executeWithoutResult(status -> rebuild.rebuildNow(List.of(YEAR)));
        assertThat(RatingJson.write(batches())).isEqualTo(byEvents);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        // the first job waits for the rebuild lock this test holds: it is surely still running
        locks.runExclusively(FactsRebuild.KIND, () -> {
            assertThat(rebuild.request(YEAR, Caller.of("evaluator", Role.EVALUATOR))).isNotNull();
            assertThatThrownBy(() -> rebuild.request(YEAR, Caller.of("evaluator2", Role.EVALUATOR)))
                    .isInstanceOfSatisfying(Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.REBUILD_IN_PROGRESS));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.running());
    }
}
