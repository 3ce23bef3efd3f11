package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two writers at once end as if one had gone after the other: what a change relies on in another organization is
 * held until it commits, a number taken meanwhile is refused as taken, and an import is written whole or not at all.
 * Each case holds one side open in a transaction of its own and lets the other run into it.
 */
@OrganizationsModuleTest
class ConcurrentChangeTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Imports imports;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    TestTree tree;
    ExecutorService threads;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
        // threads of its own: the common pool may have a single thread on a small machine
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aDissolutionWaitsForAnAdmissionIntoTheChapterAndIsThenRefused() throws Exception {
        Held admission = hold(tx -> tree.admit(tree.chapterB, "Vũ", "Thị", "Hằng"));
        CompletableFuture<Void> dissolve = CompletableFuture.runAsync(() -> organizations.dissolve(tree.chapterB,
                new DatedChange(LocalDate.of(2024, 1, 1), null)), threads);
        awaitWaiting(dissolve);
        admission.commit();
        assertThatThrownBy(() -> dissolve.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DISSOLVE_NOT_EMPTY));
        assertThat(organizations.find(tree.chapterB).orElseThrow().dissolved()).isFalse();
        assertThat(members.list(tree.chapterB, false, null)).hasSize(1);
    }

    @Test
    void anAdmissionIntoAChapterBeingDissolvedWaitsAndIsThenRefused() throws Exception {
        Held dissolution = hold(tx -> organizations.dissolve(tree.chapterB,
                new DatedChange(LocalDate.of(2024, 1, 1), null)));
        CompletableFuture<MemberId> admit = CompletableFuture.supplyAsync(
                () -> tree.admit(tree.chapterB, "Vũ", "Văn", "Hùng"), threads);
        awaitWaiting(admit);
        dissolution.commit();
        assertThatThrownBy(() -> admit.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.TARGET_DISSOLVED));
        assertThat(members.list(tree.chapterB, false, null)).isEmpty();
    }

    @Test
    void aCardNumberTakenByAConcurrentAdmissionIsRefusedAsTaken() throws Exception {
        String card = tree.nextCard();
        Held first = hold(tx -> members.admit(tree.command(tree.chapterA, card, "Lý", "Văn", "Nam")));
        CompletableFuture<MemberId> second = CompletableFuture.supplyAsync(
                () -> members.admit(tree.command(tree.chapterB, card, "Lý", "Thị", "Lan")), threads);
        // the second saw no such card yet, and waits on the first's row in the unique index
        awaitWaiting(second);
        first.commit();
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.CARD_TAKEN));
        assertThat(members.findByCard(card)).hasValueSatisfying(
                m -> assertThat(m.organizationId()).isEqualTo(tree.chapterA));
    }

    @Test
    void anImportRefusedOnItsLastRowWritesNoneOfTheRowsBefore() throws Exception {
        int rows = 60;
        StringBuilder csv = new StringBuilder("Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,"
                + "Số định danh cá nhân,Mã tổ chức đảng,Ngày vào Đảng,Ngày chính thức,\"Công chức, viên chức\","
                + "Chức vụ\n");
        for (int row = 1; row <= rows; row++) {
            String chapter = row < rows ? tree.prefix + "-A" : tree.prefix + "-B";
            csv.append(tree.nextCard()).append(",Đỗ,Văn,Thành ").append(row).append(",01/01/1980,Nam,,")
                    .append(chapter).append(",01/01/2010,,Có,\n");
        }
        // chapter B is held by a writer that is about to dissolve it: the import's last row waits for it
        Held dissolution = hold(tx -> jdbc.sql("SELECT id FROM organizations.organization WHERE id = :id FOR UPDATE")
                .param("id", tree.chapterB.value()).query(Object.class).single());
        JobId job = imports.submit(ImportKind.MEMBERS, "dang-vien.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Caller.of("importer", Role.ADMIN));
        // the job runs and waits on chapter B with 59 rows written: they are its own until it commits
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(job).orElseThrow().state()
                == Job.State.RUNNING && lockWaits() >= 1);
        assertThat(members.list(tree.chapterA, false, null)).isEmpty();

        dissolution.run(() -> jdbc.sql("UPDATE organizations.organization SET dissolved_on = DATE '2024-01-01' "
                + "WHERE id = :id").param("id", tree.chapterB.value()).update());
        dissolution.commit();

        Job failed = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(job).orElseThrow(),
                Job::finished);
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.problemKey()).isEqualTo("problemDetail.organizations.target-dissolved");
        assertThat(members.list(tree.chapterA, false, null)).isEmpty();
    }

    /** Starts the work in a transaction on another thread and keeps it open until {@link Held#commit()}. */
    private Held hold(Consumer<TransactionStatus> work) throws InterruptedException {
        Held held = new Held();
        held.done = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            work.accept(tx);
            held.started.countDown();
            held.next();
        }), threads);
        assertThat(held.started.await(30, TimeUnit.SECONDS)).as("the held transaction started").isTrue();
        return held;
    }

    /** Waits until the change is blocked on a lock (the database shows it), then checks it has not finished. */
    private void awaitWaiting(CompletableFuture<?> change) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lockWaits() >= 1);
        assertThat(change).isNotDone();
    }

    private int lockWaits() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """).query(Integer.class).single();
    }

    /** A transaction held open on another thread: more work can be run in it, then it commits. */
    private static final class Held {
        final CountDownLatch started = new CountDownLatch(1);
        /** Work for the held thread; an empty step ends the transaction. */
        private final SynchronousQueue<Optional<Runnable>> steps = new SynchronousQueue<>();
        CompletableFuture<Void> done;

        /** Runs more work inside the held transaction and waits for it. */
        void run(Runnable step) throws Exception {
            CompletableFuture<Void> ran = new CompletableFuture<>();
            steps.put(Optional.of(() -> {
                try {
                    step.run();
                    ran.complete(null);
                } catch (RuntimeException e) {
                    ran.completeExceptionally(e);
                }
            }));
            ran.get(30, TimeUnit.SECONDS);
        }

        void commit() throws Exception {
            steps.put(Optional.empty());
            done.get(30, TimeUnit.SECONDS);
        }

        /** On the held thread: runs the steps it is given until the empty one. */
        void next() {
            try {
                for (Optional<Runnable> step = steps.take(); step.isPresent(); step = steps.take()) {
                    step.get().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
