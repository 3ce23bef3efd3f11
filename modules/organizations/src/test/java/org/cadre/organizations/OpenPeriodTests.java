package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A member has at most one open membership, status and (per organization and role) role period, even under races. */
@OrganizationsModuleTest
class OpenPeriodTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    @Test
    void theDatabaseRefusesASecondOpenPeriod() {
        MemberId id = tree.admit(tree.chapterA, "Tạ", "Văn", "Khoa");
        UUID role = organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2020, 1, 1)));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO organizations.membership_period (member_id, organization_id, valid_from)
                VALUES (:id, :o, DATE '2020-01-01')
                """).param("id", id.value()).param("o", tree.chapterB.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, valid_from)
                VALUES (:id, 'EXEMPT', DATE '2020-01-01')
                """).param("id", id.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO organizations.role_period (id, organization_id, member_id, role, valid_from)
                VALUES (:r, :o, :id, 'SECRETARY', DATE '2021-01-01')
                """).param("r", UUID.randomUUID()).param("o", tree.chapterA.value()).param("id", id.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE organizations.membership_period SET valid_to = DATE '2001-01-01' WHERE member_id = :id
                """).param("id", id.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(organizations.roles(tree.chapterA, null)).extracting(RoleAssignment::id).containsExactly(role);
    }

    @Test
    void aChangeWaitsForAConcurrentChangeOfTheSameMember() throws Exception {
        MemberId id = tree.admit(tree.chapterA, "Tạ", "Thị", "Lành");
        // threads of its own: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            race(id, threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void race(MemberId id, ExecutorService threads) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another writer holds the member: what every write of MemberService takes first
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> {
                    members.exempt(id, new DatedChange(LocalDate.of(2021, 1, 1), "Sức khỏe"));
                    locked.countDown();
                    await(release);
                }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> transfer = CompletableFuture.runAsync(() -> members.transfer(id,
                new TransferMember(tree.chapterB.value(), LocalDate.of(2022, 1, 1))), threads);
        CompletableFuture<Void> suspend = CompletableFuture.runAsync(() -> members.suspend(id,
                new DatedChange(LocalDate.of(2020, 6, 1), "Chờ xem xét", "05-QĐ/ĐU")), threads);
        // both wait on the member's row lock, which the database shows, instead of a guess at how long to sleep
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Integer.class).single() >= 2);
        assertThat(transfer).isNotDone();
        assertThat(suspend).isNotDone();
        release.countDown();
        other.get(30, TimeUnit.SECONDS);
        transfer.get(30, TimeUnit.SECONDS);
        // the suspension read the status after the exemption committed: its date is before the current period
        assertThatThrownBy(() -> suspend.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DATE_BEFORE_CURRENT));
        assertThat(open("membership_period", id)).isEqualTo(1);
        assertThat(open("member_status_period", id)).isEqualTo(1);
        assertThat(members.find(id).orElseThrow().status()).isEqualTo(MemberStatus.EXEMPT);
    }

    private int open(String table, MemberId id) {
        return jdbc.sql("SELECT count(*) FROM organizations." + table + " WHERE member_id = :id AND valid_to IS NULL")
                .param("id", id.value()).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
