package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RenameOrganization;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TransferMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * Evaluation's side of the organizations events: its projections of the tree, the members and the roles follow
 * them through the event publication registry, and a redelivered event changes nothing. The events come from the
 * organizations module itself (a direct dependency, bootstrapped with this one) or are published as they are.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class OrganizationEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Evaluation evaluation;
    @Autowired
    BulkLoad bulk;
    @Autowired
    JdbcClient jdbc;

    String prefix;
    OrganizationId committee;
    OrganizationId chapterA;
    OrganizationId chapterB;
    int cards;

    @BeforeEach
    void tree() {
        prefix = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(2005, 1, 10);
        committee = organizations.register(new RegisterOrganization(prefix, "Đảng bộ " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
    }

    MemberId admit(OrganizationId organization, String family, String middle, String given) {
        return members.admit(new AdmitMember(prefix + "-" + (++cards), family, middle, given,
                LocalDate.of(1985, 4, 12), Sex.MALE, null, organization.value(), LocalDate.of(2010, 5, 19),
                LocalDate.of(2011, 5, 19), true, "Chuyên viên"));
    }

    @Test
    void aRegisteredOrganizationReachesTheProjectionAndIsArchivedAsCompleted(Scenario scenario) {
        var event = new OrganizationRegistered(OrganizationId.random(), committee, prefix + "-R", "Chi bộ Văn phòng",
                OrganizationKind.CHAPTER, LocalDate.of(2015, 1, 5));
        scenario.publish(event).andWaitForStateChange(() -> evaluation.organization(event.organization()),
                        Optional::isPresent)
                .andVerify(found -> assertThat(found).get().extracting(EvaluatedOrganization::code,
                        EvaluatedOrganization::kind).containsExactly(prefix + "-R", OrganizationKind.CHAPTER));
        // ARCHIVE completion mode: the publication left the live table and sits, completed, in the archive
        scenario.stimulate(() -> event).andWaitForStateChange(() -> archived(event.organization().value(),
                "evaluation.on-organization-registered"), count -> count == 1);
    }

    @Test
    void aRedeliveredEventChangesNothing(Scenario scenario) {
        var event = new OrganizationRegistered(OrganizationId.random(), null, prefix + "-X", "Chi bộ cơ sở Khác",
                OrganizationKind.GRASSROOTS_CHAPTER, LocalDate.of(2015, 1, 5));
        scenario.publish(event).andWaitForStateChange(() -> evaluation.organization(event.organization()),
                Optional::isPresent);
        scenario.publish(event).andWaitForStateChange(() -> archived(event.organization().value(),
                "evaluation.on-organization-registered"), count -> count == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation.fact_organization WHERE organization_id = :id")
                .param("id", event.organization().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRenameReachesTheProjection(Scenario scenario) {
        scenario.stimulate(() -> organizations.rename(chapterA, new RenameOrganization("Chi bộ Tổng hợp",
                        LocalDate.of(2022, 1, 1))))
                .andWaitForStateChange(() -> evaluation.organization(chapterA)
                        .filter(o -> o.name().equals("Chi bộ Tổng hợp")), Optional::isPresent);
    }

    @Test
    void anAdmissionATransferAndAStatusReachTheProjection(Scenario scenario) {
        MemberId[] admitted = new MemberId[1];
        scenario.stimulate(() -> admitted[0] = admit(chapterA, "Nguyễn", "Văn", "An"))
                .andWaitForStateChange(() -> evaluation.member(admitted[0]), Optional::isPresent)
                .andVerify(found -> assertThat(found).get().extracting(EvaluatedMember::fullName)
                        .isEqualTo("Nguyễn Văn An"));
        MemberId id = admitted[0];
        scenario.stimulate(() -> members.transfer(id, new TransferMember(chapterB.value(), LocalDate.of(2022, 2, 1))))
                .andWaitForStateChange(() -> evaluation.member(id).filter(m -> m.organization().equals(chapterB)),
                        Optional::isPresent);
        scenario.stimulate(() -> members.suspend(id, new DatedChange(LocalDate.of(2023, 1, 1), "Chờ xem xét", "05-QĐ/ĐU")))
                .andWaitForStateChange(() -> evaluation.member(id)
                        .filter(m -> m.status() == MemberStatus.SUSPENDED), Optional::isPresent)
                .andVerify(m -> assertThat(m).get().extracting(EvaluatedMember::statusSince)
                        .isEqualTo(LocalDate.of(2023, 1, 1)));
    }

    @Test
    void anAdmissionHandledAfterACorrectionLeavesTheCurrentName(Scenario scenario) {
        MemberId id = admit(chapterA, "Nguyen", "Van", "Sai");
        scenario.stimulate(() -> members.correct(id, new CorrectMember("Nguyễn", "Văn", "Sáu",
                        LocalDate.of(1985, 4, 12), Sex.MALE, null, true, "Chuyên viên chính")))
                .andWaitForStateChange(() -> evaluation.member(id)
                        .filter(m -> m.fullName().equals("Nguyễn Văn Sáu")), Optional::isPresent);
        // the admission handled last (listeners are asynchronous): the projection keeps the current state
        MemberSummary now = members.find(id).orElseThrow();
        scenario.publish(new MemberAdmitted(id, chapterA, now.cardNumber(), "Nguyen Van Sai", now.bornOn(),
                        Sex.MALE, now.admittedOn(), now.confirmedOn(), true))
                .andWaitForStateChange(() -> archived(id.value(), "evaluation.on-member-admitted"), c -> c == 2)
                .andVerify(c -> assertThat(evaluation.member(id)).get().extracting(EvaluatedMember::fullName)
                        .isEqualTo("Nguyễn Văn Sáu"));
    }

    @Test
    void rolesAndTheirEndReachTheProjection(Scenario scenario) {
        MemberId id = admit(chapterA, "Bùi", "Quang", "Huy");
        scenario.stimulate(() -> organizations.assignRole(chapterA,
                        new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2020, 9, 1))))
                .andWaitForStateChange(() -> evaluation.roles(id), roles -> !roles.isEmpty());
        scenario.stimulate(() -> members.transfer(id, new TransferMember(chapterB.value(), LocalDate.of(2023, 3, 1))))
                .andWaitForStateChange(() -> evaluation.roles(id), roles -> roles.stream()
                        .allMatch(r -> r.endsWith(":ended")))
                .andVerify(roles -> assertThat(roles).containsExactly("SECRETARY:" + chapterA + ":ended"));
    }

    @Test
    void aBulkLoadRebuildsTheProjectionsKeepingTheStartOfEachStatus(Scenario scenario) {
        UUID organization = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        scenario.stimulate(() -> bulk.load(sink -> {
                    sink.organization(organization, prefix + "-BS", "Chi bộ nạp", OrganizationKind.CHAPTER,
                            committee.value(), LocalDate.of(2010, 1, 1), null);
                    sink.member(new BulkLoad.Member(suspended, prefix + "-S1", "Quách", "Văn", "Định",
                            LocalDate.of(1970, 1, 1), Sex.MALE, null, LocalDate.of(2000, 1, 1), null, false, null,
                            organization, MemberStatus.SUSPENDED, LocalDate.of(2021, 6, 1), null, null, null));
                    sink.member(new BulkLoad.Member(active, prefix + "-S2", "Quách", "Thị", "Yến",
                            LocalDate.of(1980, 1, 1), Sex.FEMALE, null, LocalDate.of(2005, 3, 1), null, false, null,
                            organization, MemberStatus.ACTIVE, null, OrganizationRole.SECRETARY, null,
                            LocalDate.of(2020, 1, 1)));
                }))
                .andWaitForStateChange(() -> evaluation.member(new MemberId(active)), Optional::isPresent)
                .andVerify(m -> assertThat(m).get().extracting(EvaluatedMember::statusSince)
                        .isEqualTo(LocalDate.of(2005, 3, 1)));
        assertThat(evaluation.organization(new OrganizationId(organization))).isPresent();
        assertThat(evaluation.roles(new MemberId(active))).hasSize(1);
        assertThat(evaluation.member(new MemberId(suspended))).get().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MemberStatus.SUSPENDED);
            assertThat(m.statusSince()).isEqualTo(LocalDate.of(2021, 6, 1));
        });
    }

    private int archived(UUID id, String listener) {
        return jdbc.sql("""
                SELECT count(*) FROM events.event_publication_archive
                WHERE listener_id = :listener AND serialized_event LIKE :id AND completion_date IS NOT NULL
                """).param("listener", listener).param("id", "%" + id + "%").query(Integer.class).single();
    }
}
