package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedMember;
import org.cadre.evaluation.Evaluation;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * Every state change of the organizations module publishes its event in the changing transaction, and evaluation's
 * projection follows through the event publication registry.
 */
@CadreTest
class OrganizationEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Evaluation evaluation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulkLoad bulk;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    @Test
    void registeringPublishesOrganizationRegistered(Scenario scenario) {
        scenario.stimulate(() -> organizations.register(new RegisterOrganization(tree.prefix + "-N",
                        "Chi bộ Mới", OrganizationKind.CHAPTER, tree.committee.value(), LocalDate.of(2020, 1, 2))))
                .andWaitForEventOfType(OrganizationRegistered.class)
                .matching(e -> e.code().equals(tree.prefix + "-N"))
                .toArriveAndVerify(e -> assertThat(e.parent()).isEqualTo(tree.committee));
    }

    @Test
    void movingPublishesOrganizationMovedAndKeepsTheOldTree(Scenario scenario) {
        MemberId there = tree.admit(tree.elsewhere, "Lý", "Văn", "Toàn");
        LocalDate on = LocalDate.of(2021, 7, 1);
        scenario.stimulate(() -> organizations.move(tree.elsewhere, new MoveOrganization(tree.committee.value(), on)))
                .andWaitForEventOfType(OrganizationMoved.class)
                .matching(e -> e.organization().equals(tree.elsewhere))
                .toArriveAndVerify(e -> assertThat(e.to()).isEqualTo(tree.committee));
        assertThat(parentOn(tree.elsewhere, LocalDate.of(2017, 6, 1))).isEmpty();
        assertThat(parentOn(tree.elsewhere, LocalDate.of(2022, 1, 1))).contains(tree.committee);
        assertThat(organizations.history(tree.elsewhere)).hasSize(2);
        // the rolls of the subtree as of a date follow the tree as it was then
        assertThat(members.list(tree.committee, true, LocalDate.of(2017, 6, 1))).extracting(MemberSummary::id)
                .doesNotContain(there);
        assertThat(members.list(tree.committee, true, LocalDate.of(2022, 1, 1))).extracting(MemberSummary::id)
                .contains(there);
    }

    private Optional<OrganizationId> parentOn(OrganizationId id, LocalDate on) {
        return organizations.tree(on, java.util.List.of(tree.committee)).stream()
                .flatMap(n -> n.children().stream()).map(TreeNode::organization)
                .filter(o -> o.id().equals(id)).map(OrganizationSummary::parentId).findFirst();
    }

    @Test
    void renamingPublishesOrganizationRenamedAndKeepsTheOldName(Scenario scenario) {
        scenario.stimulate(() -> organizations.rename(tree.chapterA,
                        new RenameOrganization("Chi bộ Văn phòng - Tổng hợp", LocalDate.of(2022, 1, 1))))
                .andWaitForStateChange(() -> evaluation.organization(tree.chapterA)
                        .filter(o -> o.name().equals("Chi bộ Văn phòng - Tổng hợp")), Optional::isPresent)
                .andVerify(o -> assertThat(o).isPresent());
        assertThat(organizations.tree(LocalDate.of(2020, 1, 1), java.util.List.of(tree.chapterA)))
                .extracting(n -> n.organization().name()).containsExactly("Chi bộ Văn phòng " + tree.prefix);
    }

    @Test
    void dissolvingPublishesOrganizationDissolved(Scenario scenario) {
        LocalDate on = LocalDate.of(2023, 1, 1);
        scenario.stimulate(() -> organizations.dissolve(tree.chapterB, new DatedChange(on, "Sáp nhập")))
                .andWaitForEventOfType(OrganizationDissolved.class)
                .matching(e -> e.organization().equals(tree.chapterB))
                .toArriveAndVerify(e -> assertThat(e.on()).isEqualTo(on));
        assertThat(organizations.find(tree.chapterB).orElseThrow().dissolved()).isTrue();
    }

    @Test
    void admittingPublishesMemberAdmittedAndEvaluationProjectsTheMember(Scenario scenario) {
        MemberId[] admitted = new MemberId[1];
        scenario.stimulate(() -> admitted[0] = tree.admit(tree.chapterA, "Nguyễn", "Văn", "An"))
                .andWaitForStateChange(() -> evaluation.member(admitted[0]), Optional::isPresent)
                .andVerify(found -> assertThat(found).get().extracting(EvaluatedMember::fullName)
                        .isEqualTo("Nguyễn Văn An"));
    }

    @Test
    void correctingPublishesMemberDetailsCorrectedAndSearchFindsTheNewName(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Nguyen", "Van", "Sai");
        scenario.stimulate(() -> members.correct(id, new CorrectMember("Nguyễn", "Văn", "Sáu",
                        LocalDate.of(1985, 4, 12), Sex.MALE, "051085000123", true, "Chuyên viên chính")))
                .andWaitForStateChange(() -> evaluation.member(id)
                        .filter(m -> m.fullName().equals("Nguyễn Văn Sáu")), Optional::isPresent)
                .andVerify(m -> assertThat(m).isPresent());
        assertThat(members.search("nguyen van sau", java.util.List.of(tree.chapterA), 5))
                .extracting(MemberSummary::id).containsExactly(id);
        assertThat(members.find(id).orElseThrow().nationalId()).isEqualTo("051085000123");

        // the admission handled last (listeners are asynchronous): the projection keeps the current state
        MemberSummary now = members.find(id).orElseThrow();
        scenario.publish(new MemberAdmitted(id, tree.chapterA, now.cardNumber(), "Nguyen Van Sai", now.bornOn(),
                        Sex.MALE, now.admittedOn(), now.confirmedOn(), true))
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT count(*) FROM events.event_publication_archive
                        WHERE listener_id = 'evaluation.on-member-admitted' AND serialized_event LIKE :id
                        """).param("id", "%" + id.value() + "%").query(Integer.class).single(), c -> c == 2)
                .andVerify(c -> assertThat(evaluation.member(id)).get().extracting(EvaluatedMember::fullName)
                        .isEqualTo("Nguyễn Văn Sáu"));
    }

    @Test
    void confirmingPublishesMemberConfirmed(Scenario scenario) {
        var command = tree.command(tree.chapterA, tree.nextCard(), "Lê", "Thị", "Hoa");
        MemberId id = members.admit(new AdmitMember(command.cardNumber(), command.familyName(), command.middleName(),
                command.givenName(), command.bornOn(), Sex.FEMALE, null, command.organizationId(),
                LocalDate.of(2024, 3, 1), null, false, null));
        scenario.stimulate(() -> members.confirm(id, new DatedChange(LocalDate.of(2025, 3, 1), null)))
                .andWaitForEventOfType(MemberConfirmed.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.on()).isEqualTo(LocalDate.of(2025, 3, 1)));
        assertThat(members.find(id).orElseThrow().probationary()).isFalse();
    }

    @Test
    void transferringPublishesMemberTransferredAndKeepsHistory(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Trần", "Minh", "Hải");
        LocalDate on = LocalDate.of(2022, 2, 1);
        scenario.stimulate(() -> members.transfer(id, new TransferMember(tree.chapterB.value(), on)))
                .andWaitForStateChange(() -> evaluation.member(id)
                        .filter(m -> m.organization().equals(tree.chapterB)), Optional::isPresent)
                .andVerify(m -> assertThat(m).isPresent());
        assertThat(members.list(tree.chapterA, false, LocalDate.of(2021, 1, 1))).extracting(MemberSummary::id)
                .contains(id);
        assertThat(members.list(tree.chapterA, false, LocalDate.of(2023, 1, 1))).extracting(MemberSummary::id)
                .doesNotContain(id);
        assertThat(members.list(tree.chapterB, false, LocalDate.of(2023, 1, 1))).extracting(MemberSummary::id)
                .contains(id);
    }

    @Test
    void exemptingSuspendingAndReinstatingPublishTheirEvents(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Võ", "Thanh", "Tùng");
        scenario.stimulate(() -> members.exempt(id, new DatedChange(LocalDate.of(2020, 1, 1), "Tuổi cao")))
                .andWaitForEventOfType(MemberExempted.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("Tuổi cao"));
        scenario.stimulate(() -> members.reinstate(id, new DatedChange(LocalDate.of(2021, 1, 1), null)))
                .andWaitForEventOfType(MemberReinstated.class).matching(e -> e.member().equals(id))
                .toArrive();
        scenario.stimulate(() -> members.suspend(id, new DatedChange(LocalDate.of(2022, 1, 1), "Chờ xem xét")))
                .andWaitForStateChange(() -> evaluation.member(id)
                        .filter(m -> m.status() == MemberStatus.SUSPENDED), Optional::isPresent)
                .andVerify(m -> assertThat(m).get().extracting(EvaluatedMember::statusSince)
                        .isEqualTo(LocalDate.of(2022, 1, 1)));
        assertThat(members.history(id)).filteredOn(h -> h.what().equals("STATUS")).hasSize(4);
    }

    @Test
    void leavingPublishesMemberLeftWithHowAndWhy(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Phạm", "Thị", "Lan");
        scenario.stimulate(() -> members.end(id, new EndMembership(MemberStatus.DECEASED, LocalDate.of(2024, 8, 8),
                        "Từ trần")))
                .andWaitForEventOfType(MemberLeft.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.how()).isEqualTo(MemberStatus.DECEASED));
        assertThat(members.list(tree.chapterA, false, LocalDate.of(2025, 1, 1))).extracting(MemberSummary::id)
                .doesNotContain(id);
    }

    @Test
    void assigningAndEndingRolesPublishTheirEvents(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Hồ", "Đức", "Bình");
        UUID[] assignment = new UUID[1];
        scenario.stimulate(() -> assignment[0] = organizations.assignRole(tree.chapterA,
                        new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2020, 9, 1))))
                .andWaitForEventOfType(RoleAssigned.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.role()).isEqualTo(OrganizationRole.SECRETARY));
        // a committee role may go to a member of one of its chapters
        organizations.assignRole(tree.committee,
                new AssignRole(id.value(), OrganizationRole.COMMITTEE_MEMBER, LocalDate.of(2020, 9, 1)));
        scenario.stimulate(() -> organizations.endRole(tree.chapterA, assignment[0],
                        new DatedChange(LocalDate.of(2025, 9, 1), null)))
                .andWaitForStateChange(() -> evaluation.roles(id), roles -> roles.stream()
                        .anyMatch(r -> r.startsWith("SECRETARY") && r.endsWith(":ended")))
                .andVerify(roles -> assertThat(roles).hasSize(2));
        assertThat(organizations.roles(tree.chapterA, LocalDate.of(2024, 1, 1))).hasSize(1);
        assertThat(organizations.roles(tree.chapterA, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void transferringASecretaryEndsTheRoleWithRoleEndedAndEvaluationSeesItEnd(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Bùi", "Quang", "Huy");
        UUID assignment = organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2020, 9, 1)));
        scenario.stimulate(() -> evaluation.roles(id)).andWaitForStateChange(() -> evaluation.roles(id),
                roles -> !roles.isEmpty()).andVerify(roles -> assertThat(roles).hasSize(1));
        LocalDate on = LocalDate.of(2023, 3, 1);
        scenario.stimulate(() -> members.transfer(id, new TransferMember(tree.chapterB.value(), on)))
                .andWaitForEventOfType(RoleEnded.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.assignment()).isEqualTo(assignment);
                    assertThat(e.organization()).isEqualTo(tree.chapterA);
                    assertThat(e.role()).isEqualTo(OrganizationRole.SECRETARY);
                    assertThat(e.on()).isEqualTo(on);
                });
        scenario.stimulate(() -> id).andWaitForStateChange(() -> evaluation.roles(id),
                        roles -> roles.stream().allMatch(r -> r.endsWith(":ended")))
                .andVerify(roles -> assertThat(roles).containsExactly("SECRETARY:" + tree.chapterA + ":ended"));
    }

    @Test
    void leavingEndsOpenRolesWithRoleEnded(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterB, "Đinh", "Thị", "Nga");
        organizations.assignRole(tree.chapterB,
                new AssignRole(id.value(), OrganizationRole.DEPUTY_SECRETARY, LocalDate.of(2019, 1, 1)));
        scenario.stimulate(() -> members.end(id, new EndMembership(MemberStatus.LEFT, LocalDate.of(2024, 1, 1),
                        "Chuyển ngành")))
                .andWaitForEventOfType(RoleEnded.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.role()).isEqualTo(OrganizationRole.DEPUTY_SECRETARY));
        scenario.stimulate(() -> id).andWaitForStateChange(() -> evaluation.roles(id),
                        roles -> !roles.isEmpty() && roles.stream().allMatch(r -> r.endsWith(":ended")))
                .andVerify(roles -> assertThat(roles).hasSize(1));
    }

    @Test
    void placingInAnAgencyPublishesAgencyAssigned(Scenario scenario) {
        scenario.stimulate(() -> organizations.setAgency(tree.committee,
                        new SetAgency(tree.prefix, "Sở Thử nghiệm", "Trần Văn Giám")))
                .andWaitForEventOfType(AgencyAssigned.class).matching(e -> e.organization().equals(tree.committee))
                .toArriveAndVerify(e -> assertThat(e.headName()).isEqualTo("Trần Văn Giám"));
    }

    @Test
    void aBulkLoadPublishesOneEventAndEvaluationRebuildsItsProjection(Scenario scenario) {
        UUID organization = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        scenario.stimulate(() -> bulk.load(sink -> {
                    sink.organization(organization, tree.prefix + "-BULK", "Chi bộ nạp hàng loạt",
                            OrganizationKind.CHAPTER, tree.committee.value(), LocalDate.of(2010, 1, 1), null);
                    sink.member(new BulkLoad.Member(member, tree.prefix + "-B1", "Cao", "Thị", "Vân",
                            LocalDate.of(1980, 1, 1), Sex.FEMALE, null, LocalDate.of(2005, 1, 1), null, false, null,
                            organization, MemberStatus.ACTIVE, null, OrganizationRole.SECRETARY, null,
                            LocalDate.of(2020, 1, 1)));
                }))
                .andWaitForStateChange(() -> evaluation.member(new MemberId(member)), Optional::isPresent)
                .andVerify(m -> assertThat(m).get().extracting(EvaluatedMember::fullName).isEqualTo("Cao Thị Vân"));
        assertThat(evaluation.organization(new OrganizationId(organization))).isPresent();
        assertThat(evaluation.roles(new MemberId(member))).hasSize(1);
        assertThat(members.search("cao thi van", java.util.List.of(tree.committee), 5)).hasSize(1);
    }

    @Test
    void theRebuildAfterABulkLoadKeepsTheStartOfTheCurrentStatus(Scenario scenario) {
        UUID organization = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        scenario.stimulate(() -> bulk.load(sink -> {
                    sink.organization(organization, tree.prefix + "-BS", "Chi bộ nạp tình trạng",
                            OrganizationKind.CHAPTER, tree.committee.value(), LocalDate.of(2010, 1, 1), null);
                    sink.member(new BulkLoad.Member(suspended, tree.prefix + "-S1", "Quách", "Văn", "Định",
                            LocalDate.of(1970, 1, 1), Sex.MALE, null, LocalDate.of(2000, 1, 1), null, false, null,
                            organization, MemberStatus.SUSPENDED, LocalDate.of(2021, 6, 1), null, null, null));
                    sink.member(new BulkLoad.Member(active, tree.prefix + "-S2", "Quách", "Thị", "Yến",
                            LocalDate.of(1980, 1, 1), Sex.FEMALE, null, LocalDate.of(2005, 3, 1), null, false, null,
                            organization, MemberStatus.ACTIVE, null, null, null, null));
                }))
                .andWaitForStateChange(() -> evaluation.member(new MemberId(active)), Optional::isPresent)
                .andVerify(m -> assertThat(m).get().extracting(EvaluatedMember::statusSince)
                        .isEqualTo(LocalDate.of(2005, 3, 1)));
        assertThat(members.find(new MemberId(suspended))).get().extracting(MemberSummary::statusSince)
                .isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(evaluation.member(new MemberId(suspended))).get().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MemberStatus.SUSPENDED);
            assertThat(m.statusSince()).isEqualTo(LocalDate.of(2021, 6, 1));
        });
        // as of a date, a list gives the start of the status then
        assertThat(members.list(new OrganizationId(organization), false, LocalDate.of(2020, 1, 1)))
                .filteredOn(m -> m.id().value().equals(suspended)).extracting(MemberSummary::statusSince)
                .containsExactly(LocalDate.of(2000, 1, 1));
    }

    @Test
    void aBulkLoadedMemberWhoLeftHasNoOpenMembershipOrRole() {
        UUID organization = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        bulk.load(sink -> {
            sink.organization(organization, tree.prefix + "-BL", "Chi bộ nạp đã ra", OrganizationKind.CHAPTER,
                    tree.committee.value(), LocalDate.of(2010, 1, 1), null);
            sink.member(new BulkLoad.Member(left, tree.prefix + "-L1", "Khúc", "Văn", "Thừa",
                    LocalDate.of(1960, 1, 1), Sex.MALE, null, LocalDate.of(1990, 1, 1), null, false, null,
                    organization, MemberStatus.DECEASED, LocalDate.of(2019, 3, 1), OrganizationRole.SECRETARY, null,
                    LocalDate.of(2015, 1, 1)));
        }, false);
        OrganizationId chapter = new OrganizationId(organization);
        assertThat(members.list(chapter, false, LocalDate.of(2018, 1, 1))).extracting(m -> m.id().value())
                .containsExactly(left);
        assertThat(members.list(chapter, false, LocalDate.of(2020, 1, 1))).isEmpty();
        assertThat(members.history(new MemberId(left))).filteredOn(h -> h.what().equals("MEMBERSHIP"))
                .extracting(HistoryEntry::until).containsExactly(LocalDate.of(2019, 3, 1));
        assertThat(organizations.roles(chapter, null)).extracting(RoleAssignment::until)
                .containsExactly(LocalDate.of(2019, 3, 1));
    }

    @Test
    void aBulkLoadWhoseWriterFailsMidStreamLeavesNothingAndTheConnectionUsable() {
        UUID organization = UUID.randomUUID();
        for (int attempt = 0; attempt < 12; attempt++) { // more attempts than pooled connections
            assertThatThrownBy(() -> bulk.load(sink -> {
                sink.organization(organization, tree.prefix + "-BF", "Chi bộ nạp hỏng", OrganizationKind.CHAPTER,
                        tree.committee.value(), LocalDate.of(2010, 1, 1), null);
                throw new IllegalStateException("the generator failed");
            }, false)).isInstanceOf(IllegalStateException.class).hasMessage("the generator failed");
        }
        assertThat(organizations.find(new OrganizationId(organization))).isEmpty();
        assertThat(bulk.empty()).isFalse();
    }

    @Test
    void theTransferIsArchivedAsCompletedInTheRegistry(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Đặng", "Văn", "Nam");
        members.transfer(id, new TransferMember(tree.chapterB.value(), LocalDate.of(2022, 2, 1)));
        scenario.stimulate(() -> id).andWaitForStateChange(() -> jdbc.sql("""
                        SELECT count(*) FROM events.event_publication_archive
                        WHERE listener_id = 'evaluation.on-member-transferred' AND serialized_event LIKE :id
                          AND completion_date IS NOT NULL
                        """).param("id", "%" + id.value() + "%").query(Integer.class).single(), c -> c == 1)
                .andVerify(c -> assertThat(c).isEqualTo(1));
    }
}
