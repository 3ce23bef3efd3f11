package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.organizations.TransferMember;
import org.cadre.platform.testing.LockWaits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who must study and register follows organizations' events, through the publication registry: a member admitted
 * after the campaign opened is listed; exempt and suspended members are no longer counted and a reinstated one is
 * again; a member who left is not counted; a transferred member takes their register along. A redelivered event
 * changes nothing.
 */
@CommitmentsModuleTest
class OrganizationEventsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    BulkLoad bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    Fixture f;
    MemberId an;

    @BeforeEach
    void campaign() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        f.open();
    }

    Optional<StudyStatus> status(MemberId member) {
        return status(f, member);
    }

    Optional<StudyStatus> status(Fixture campaign, MemberId member) {
        return study.duties(campaign.campaign, campaign.tree.committee).stream()
                .filter(d -> d.member().equals(member)).map(DutyView::status).findFirst();
    }

    @Test
    void aMemberAdmittedAfterTheCampaignOpenedMustStudyToo(Scenario scenario) {
        MemberId[] admitted = new MemberId[1];
        scenario.stimulate(() -> admitted[0] = f.tree.admit(f.tree.chapterB, "Lê", "Thị", "Hoa"))
                .andWaitForStateChange(() -> status(admitted[0]), Optional::isPresent)
                .andVerify(s -> assertThat(s).contains(StudyStatus.ACTIVE));
        assertThat(study.rollup(f.campaign, f.tree.committee).mustStudy()).isEqualTo(2);
    }

    @Test
    void aRedeliveredAdmissionChangesNothing(Scenario scenario) {
        MemberSummary now = members.find(an).orElseThrow();
        scenario.publish(new MemberAdmitted(an, f.tree.chapterA, now.cardNumber(), now.fullName(), now.bornOn(),
                        Sex.MALE, now.admittedOn(), now.confirmedOn(), true))
                .andWaitForStateChange(() -> archived(an, "commitments.on-member-admitted"), c -> c >= 2);
        assertThat(study.duties(f.campaign, f.tree.committee)).hasSize(1);
    }

    @Test
    void exemptAndSuspendedMembersAreNotCountedAndAReinstatedOneIsAgain(Scenario scenario) {
        scenario.stimulate(() -> members.exempt(an, new DatedChange(f.today.minusDays(1), "Tuổi cao")))
                .andWaitForStateChange(() -> status(an), s -> s.equals(Optional.of(StudyStatus.EXEMPT)));
        assertThat(study.rollup(f.campaign, f.tree.committee).mustStudy()).isZero();
        scenario.stimulate(() -> members.reinstate(an, new DatedChange(f.today, "Sức khỏe tốt")))
                .andWaitForStateChange(() -> status(an), s -> s.equals(Optional.of(StudyStatus.ACTIVE)));
        MemberId other = f.tree.admit(f.tree.chapterA, "Phạm", "Văn", "Đức");
        scenario.stimulate(() -> members.suspend(other, new DatedChange(f.today, "Chờ xem xét", "05-QĐ/ĐU")))
                .andWaitForStateChange(() -> status(other), s -> s.equals(Optional.of(StudyStatus.SUSPENDED)));
        assertThat(study.rollup(f.campaign, f.tree.committee).mustStudy()).isEqualTo(1);
    }

    @Test
    void aMemberWhoLeftIsNotCountedAndCannotRegister(Scenario scenario) {
        scenario.stimulate(() -> members.end(an, new EndMembership(MemberStatus.LEFT, f.today, "Xin ra khỏi Đảng",
                        "12-QĐ/ĐU")))
                .andWaitForStateChange(() -> status(an), s -> s.equals(Optional.of(StudyStatus.LEFT)));
        assertThat(study.rollup(f.campaign, f.tree.committee)).satisfies(r -> {
            assertThat(r.mustStudy()).isZero();
            assertThat(r.notCounted()).isEqualTo(1);
        });
    }

    @Test
    void aTransferredMemberKeepsTheirRegisterWhichMovesWithThem(Scenario scenario) {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        scenario.stimulate(() -> members.transfer(an, new TransferMember(f.tree.chapterB.value(), f.today)))
                .andWaitForStateChange(() -> registers.find(register).orElseThrow().organization(),
                        o -> o.equals(f.tree.chapterB));
        assertThat(registers.find(register).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RegisterStatus.SUBMITTED);
            assertThat(r.items()).hasSize(2);
        });
        assertThat(registers.list(f.campaign, f.tree.chapterB)).extracting(RegisterView::id).containsExactly(register);
        assertThat(registers.list(f.campaign, f.tree.chapterA)).isEmpty();
        // the receiving chapter's secretary approves it now; the sending one no longer may
        registers.approve(register, Fixture.secretaryOf(f.tree.chapterB));
        assertThat(registers.find(register).orElseThrow().status()).isEqualTo(RegisterStatus.APPROVED);
    }

    @Test
    void aTransferCancelledAsAMistakeBringsTheRegisterBack(Scenario scenario) {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        scenario.stimulate(() -> members.transfer(an, new TransferMember(f.tree.chapterB.value(), f.today)))
                .andWaitForStateChange(() -> registers.find(register).orElseThrow().organization(),
                        o -> o.equals(f.tree.chapterB));
        scenario.stimulate(() -> members.cancelTransfer(an, new org.cadre.organizations.CancelChange("ghi nhầm"),
                        org.cadre.platform.Caller.of("admin", org.cadre.platform.Role.ADMIN)))
                .andWaitForEventOfType(org.cadre.organizations.MemberTransferCancelled.class)
                .toArriveAndVerify(event -> assertThat(event.from()).isEqualTo(f.tree.chapterA));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(registers.find(register).orElseThrow().organization()).isEqualTo(f.tree.chapterA));
        assertThat(registers.list(f.campaign, f.tree.chapterB)).isEmpty();
    }

    @Test
    void aBulkLoadOfTheTreeListsItsMembersInThisYearsCampaigns(Scenario scenario) {
        UUID chapter = UUID.randomUUID();
        UUID loaded = UUID.randomUUID();
        scenario.stimulate(() -> bulk.load(sink -> {
                    sink.organization(chapter, f.tree.prefix + "-BL", "Chi bộ nạp", OrganizationKind.CHAPTER,
                            f.tree.committee.value(), LocalDate.of(2010, 1, 1), null);
                    sink.member(new org.cadre.organizations.BulkLoad.Member(loaded, f.tree.prefix + "-B1", "Quách",
                            "Thị", "Yến", LocalDate.of(1980, 1, 1), Sex.FEMALE, null, LocalDate.of(2005, 3, 1), null,
                            false, null, chapter, MemberStatus.ACTIVE, null, null, null, null));
                }))
                .andWaitForStateChange(() -> status(new MemberId(loaded)), Optional::isPresent)
                .andVerify(s -> assertThat(s).contains(StudyStatus.ACTIVE));
    }

    /**
     * A member leaves while a campaign is being opened over their organization: the handler waits for the campaign's
     * list and then marks them, rather than finding nothing to mark and leaving the list to say they are active.
     */
    @Test
    void aMemberWhoLeavesWhileACampaignOpensIsListedAsLeft() throws Exception {
        Fixture g = new Fixture(organizations, members, study, clock);
        MemberId hoa = g.tree.admit(g.tree.chapterB, "Trần", "Thị", "Hoa");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> archived(hoa, "commitments.on-member-admitted") >= 1);
        CountDownLatch listed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> opening = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    g.open();
                    listed.countDown();
                    try {
                        commit.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try {
            assertThat(listed.await(30, TimeUnit.SECONDS)).isTrue();
            members.end(hoa, new EndMembership(MemberStatus.LEFT, g.today, "Xin ra khỏi Đảng", "13-QĐ/ĐU"));
            // the handler is waiting for the opening to commit
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> LockWaits.waitingFor(jdbc, "commitments.duty-roster") >= 1);
        } finally {
            commit.countDown();
        }
        opening.get(30, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(g, hoa),
                s -> s.equals(Optional.of(StudyStatus.LEFT)));
        assertThat(study.rollup(g.campaign, g.tree.committee).mustStudy()).isZero();
    }

    private int archived(MemberId id, String listener) {
        return jdbc.sql("""
                SELECT count(*) FROM events.event_publication_archive
                WHERE listener_id = :listener AND serialized_event LIKE :id AND completion_date IS NOT NULL
                """).param("listener", listener).param("id", "%" + id + "%").query(Integer.class).single();
    }
}
