package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.testing.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * Every state change of the organizations module publishes its event, with the dates and values of the change, in
 * the transaction that changed the state: the module's side of the contract other modules build on. (The consumers'
 * side is in their own modules' tests.)
 */
@OrganizationsModuleTest
class OrganizationEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
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
                .toArriveAndVerify(e -> {
                    assertThat(e.parent()).isEqualTo(tree.committee);
                    assertThat(e.kind()).isEqualTo(OrganizationKind.CHAPTER);
                    assertThat(e.establishedOn()).isEqualTo(LocalDate.of(2020, 1, 2));
                });
    }

    @Test
    void movingPublishesOrganizationMovedAndKeepsTheOldTree(Scenario scenario) {
        OrganizationId other = organizations.register(new RegisterOrganization(tree.prefix + "-O",
                "Đảng bộ Sở Khác " + tree.prefix, OrganizationKind.GRASSROOTS_COMMITTEE, null,
                LocalDate.of(2005, 1, 10)));
        MemberId there = tree.admit(tree.chapterB, "Lý", "Văn", "Toàn");
        LocalDate on = LocalDate.of(2021, 7, 1);
        scenario.stimulate(() -> organizations.move(tree.chapterB, new MoveOrganization(other.value(), on)))
                .andWaitForEventOfType(OrganizationMoved.class)
                .matching(e -> e.organization().equals(tree.chapterB))
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(tree.committee);
                    assertThat(e.to()).isEqualTo(other);
                    assertThat(e.on()).isEqualTo(on);
                });
        assertThat(parentOn(tree.chapterB, tree.committee, LocalDate.of(2017, 6, 1))).isPresent();
        assertThat(parentOn(tree.chapterB, other, LocalDate.of(2022, 1, 1))).isPresent();
        assertThat(organizations.history(tree.chapterB)).hasSize(2);
        // the rolls of a subtree as of a date follow the tree as it was then
        assertThat(members.list(tree.committee, true, LocalDate.of(2017, 6, 1))).extracting(MemberSummary::id)
                .contains(there);
        assertThat(members.list(other, true, LocalDate.of(2022, 1, 1))).extracting(MemberSummary::id)
                .contains(there);
    }

    private Optional<TreeNode> parentOn(OrganizationId child, OrganizationId parent, LocalDate on) {
        return organizations.subtree(parent, on).flatMap(node -> node.children().stream()
                .filter(c -> c.organization().id().equals(child)).findFirst());
    }

    @Test
    void renamingPublishesOrganizationRenamedAndKeepsTheOldName(Scenario scenario) {
        scenario.stimulate(() -> organizations.rename(tree.chapterA,
                        new RenameOrganization("Chi bộ Văn phòng - Tổng hợp", LocalDate.of(2022, 1, 1))))
                .andWaitForEventOfType(OrganizationRenamed.class).matching(e -> e.organization().equals(tree.chapterA))
                .toArriveAndVerify(e -> {
                    assertThat(e.name()).isEqualTo("Chi bộ Văn phòng - Tổng hợp");
                    assertThat(e.on()).isEqualTo(LocalDate.of(2022, 1, 1));
                });
        assertThat(organizations.subtree(tree.chapterA, LocalDate.of(2020, 1, 1)).orElseThrow().organization().name())
                .isEqualTo("Chi bộ Văn phòng " + tree.prefix);
    }

    @Test
    void dissolvingPublishesOrganizationDissolvedAndEndsTheRolesHeldInIt(Scenario scenario) {
        MemberId member = tree.admit(tree.chapterA, "Kiều", "Văn", "Sơn");
        UUID role = organizations.assignRole(tree.committee,
                new AssignRole(member.value(), OrganizationRole.COMMITTEE_MEMBER, LocalDate.of(2019, 1, 1)));
        LocalDate on = LocalDate.of(2023, 1, 1);
        scenario.stimulate(() -> organizations.dissolve(tree.chapterB, new DatedChange(on, "Sáp nhập")))
                .andWaitForEventOfType(OrganizationDissolved.class)
                .matching(e -> e.organization().equals(tree.chapterB))
                .toArriveAndVerify(e -> assertThat(e.on()).isEqualTo(on));
        assertThat(organizations.find(tree.chapterB).orElseThrow().dissolved()).isTrue();
        // an organization with members or live chapters stays, and so do the roles held in it
        assertThatThrownBy(() -> organizations.dissolve(tree.committee, new DatedChange(on, null)))
                .isInstanceOfSatisfying(org.cadre.platform.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DISSOLVE_NOT_EMPTY));
        assertThat(organizations.roles(tree.committee, null)).extracting(RoleAssignment::id).containsExactly(role);
    }

    @Test
    void admittingPublishesMemberAdmittedWithTheDatesOfTheAdmission(Scenario scenario) {
        MemberId[] admitted = new MemberId[1];
        scenario.stimulate(() -> admitted[0] = tree.admit(tree.chapterA, "Nguyễn", "Văn", "An"))
                .andWaitForEventOfType(MemberAdmitted.class).matching(e -> e.member().equals(admitted[0]))
                .toArriveAndVerify(e -> {
                    assertThat(e.organization()).isEqualTo(tree.chapterA);
                    assertThat(e.fullName()).isEqualTo("Nguyễn Văn An");
                    assertThat(e.admittedOn()).isEqualTo(LocalDate.of(2010, 5, 19));
                    assertThat(e.confirmedOn()).isEqualTo(LocalDate.of(2011, 5, 19));
                });
    }

    @Test
    void correctingPublishesMemberDetailsCorrectedAndSearchFindsTheNewName(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Nguyen", "Van", "Sai");
        scenario.stimulate(() -> members.correct(id, new CorrectMember("Nguyễn", "Văn", "Sáu",
                        LocalDate.of(1985, 4, 12), Sex.MALE, "051085000123", true, "Chuyên viên chính")))
                .andWaitForEventOfType(MemberDetailsCorrected.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.fullName()).isEqualTo("Nguyễn Văn Sáu");
                    assertThat(e.position()).isEqualTo("Chuyên viên chính");
                });
        assertThat(members.search("nguyen van sau", Visibility.within(List.of(tree.chapterA)), 5))
                .extracting(MemberSummary::id).containsExactly(id);
        assertThat(members.find(id).orElseThrow().nationalId()).isEqualTo("051085000123");
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
                .andWaitForEventOfType(MemberTransferred.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(tree.chapterA);
                    assertThat(e.to()).isEqualTo(tree.chapterB);
                    assertThat(e.on()).isEqualTo(on);
                });
        assertThat(members.list(tree.chapterA, false, LocalDate.of(2021, 1, 1))).extracting(MemberSummary::id)
                .contains(id);
        assertThat(members.list(tree.chapterA, false, LocalDate.of(2023, 1, 1))).extracting(MemberSummary::id)
                .doesNotContain(id);
        assertThat(members.list(tree.chapterB, false, LocalDate.of(2023, 1, 1))).extracting(MemberSummary::id)
                .contains(id);
    }

    @Test
    void exemptingSuspendingAndReinstatingPublishTheirEventsWithTheirReasons(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Võ", "Thanh", "Tùng");
        scenario.stimulate(() -> members.exempt(id, new DatedChange(LocalDate.of(2020, 1, 1), "Tuổi cao")))
                .andWaitForEventOfType(MemberExempted.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("Tuổi cao"));
        scenario.stimulate(() -> members.reinstate(id, new DatedChange(LocalDate.of(2021, 1, 1), "Sức khỏe tốt")))
                .andWaitForEventOfType(MemberReinstated.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("Sức khỏe tốt"));
        scenario.stimulate(() -> members.suspend(id, new DatedChange(LocalDate.of(2022, 1, 1), "Chờ xem xét", "05-QĐ/ĐU")))
                .andWaitForEventOfType(MemberSuspended.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.on()).isEqualTo(LocalDate.of(2022, 1, 1)));
        assertThat(members.history(id)).filteredOn(h -> h.what().equals("STATUS")).extracting(HistoryEntry::reason)
                .containsExactly(null, "Tuổi cao", "Sức khỏe tốt", "Chờ xem xét");
        assertThat(members.find(id).orElseThrow().statusSince()).isEqualTo(LocalDate.of(2022, 1, 1));
    }

    @Test
    void leavingPublishesMemberLeftWithHowAndWhy(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Phạm", "Thị", "Lan");
        scenario.stimulate(() -> members.end(id, new EndMembership(MemberStatus.DECEASED, LocalDate.of(2024, 8, 8),
                        "Từ trần")))
                .andWaitForEventOfType(MemberLeft.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.how()).isEqualTo(MemberStatus.DECEASED);
                    assertThat(e.reason()).isEqualTo("Từ trần");
                });
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
                .andWaitForEventOfType(RoleEnded.class).matching(e -> e.assignment().equals(assignment[0]))
                .toArriveAndVerify(e -> assertThat(e.on()).isEqualTo(LocalDate.of(2025, 9, 1)));
        assertThat(organizations.roles(tree.chapterA, LocalDate.of(2024, 1, 1))).hasSize(1);
        assertThat(organizations.roles(tree.chapterA, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void transferringASecretaryEndsTheRoleWithRoleEnded(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Bùi", "Quang", "Huy");
        UUID assignment = organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2020, 9, 1)));
        LocalDate on = LocalDate.of(2023, 3, 1);
        scenario.stimulate(() -> members.transfer(id, new TransferMember(tree.chapterB.value(), on)))
                .andWaitForEventOfType(RoleEnded.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.assignment()).isEqualTo(assignment);
                    assertThat(e.organization()).isEqualTo(tree.chapterA);
                    assertThat(e.role()).isEqualTo(OrganizationRole.SECRETARY);
                    assertThat(e.on()).isEqualTo(on);
                });
        assertThat(organizations.roles(tree.chapterA, null)).extracting(RoleAssignment::until).containsExactly(on);
    }

    @Test
    void leavingEndsOpenRolesWithRoleEnded(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterB, "Đinh", "Thị", "Nga");
        organizations.assignRole(tree.chapterB,
                new AssignRole(id.value(), OrganizationRole.DEPUTY_SECRETARY, LocalDate.of(2019, 1, 1)));
        scenario.stimulate(() -> members.end(id, new EndMembership(MemberStatus.LEFT, LocalDate.of(2024, 1, 1),
                        "Chuyển ngành", "07-QĐ/ĐU")))
                .andWaitForEventOfType(RoleEnded.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> assertThat(e.role()).isEqualTo(OrganizationRole.DEPUTY_SECRETARY));
    }

    @Test
    void placingInAnAgencyPublishesAgencyAssigned(Scenario scenario) {
        scenario.stimulate(() -> organizations.setAgency(tree.committee,
                        new SetAgency(tree.prefix, "Sở Thử nghiệm", "Trần Văn Giám")))
                .andWaitForEventOfType(AgencyAssigned.class).matching(e -> e.organization().equals(tree.committee))
                .toArriveAndVerify(e -> assertThat(e.headName()).isEqualTo("Trần Văn Giám"));
    }

    @Test
    void aBulkLoadPublishesOneEvent(Scenario scenario) {
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
                .andWaitForEventOfType(OrganizationsBulkLoaded.class).toArrive();
        assertThat(members.search("cao thi van", Visibility.within(List.of(tree.committee)), 5)).hasSize(1);
        assertThat(organizations.roles(new OrganizationId(organization), null)).hasSize(1);
    }

    @Test
    void theBulkLoadKeepsTheStartOfTheCurrentStatus() {
        UUID organization = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        bulk.load(sink -> {
            sink.organization(organization, tree.prefix + "-BS", "Chi bộ nạp tình trạng",
                    OrganizationKind.CHAPTER, tree.committee.value(), LocalDate.of(2010, 1, 1), null);
            sink.member(new BulkLoad.Member(suspended, tree.prefix + "-S1", "Quách", "Văn", "Định",
                    LocalDate.of(1970, 1, 1), Sex.MALE, null, LocalDate.of(2000, 1, 1), null, false, null,
                    organization, MemberStatus.SUSPENDED, LocalDate.of(2021, 6, 1), null, null, null));
        }, false);
        assertThat(members.find(new MemberId(suspended))).get().extracting(MemberSummary::statusSince)
                .isEqualTo(LocalDate.of(2021, 6, 1));
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
}
