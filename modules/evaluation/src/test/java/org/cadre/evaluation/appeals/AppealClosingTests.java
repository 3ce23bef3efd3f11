package org.cadre.evaluation.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cadre.evaluation.AppealView;
import org.cadre.evaluation.Appeals;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.FileAppeal;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing a cycle and changing an appeal take the same cycle lock: a closing waits for an appeal being filed (which
 * then stands), and an appeal filed while the cycle is being closed waits and is then refused, writing nothing.
 */
@AppealsModuleTest
class AppealClosingTests {

    @Autowired
    Appeals appeals;
    @Autowired
    Cycles cycles;
    @Autowired
    Decisions decisions;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactions;

    AppealFixture f;
    ExecutorService threads;

    @BeforeEach
    void signed() {
        f = new AppealFixture(organizations, members, registry, cycles, decisions, jdbc);
        f.sign(f.committee, "MEMBER", f.committee, Map.of(f.an.value(), "HTNV"));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aClosingWaitsForAnAppealBeingFiled() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<AppealView> filing = CompletableFuture.supplyAsync(() -> new TransactionTemplate(
                transactions).execute(tx -> {
                    AppealView filed = appeals.file(f.cycle, new FileAppeal(null, "Xin xem xét lại.", null),
                            f.member(f.an));
                    written.countDown();
                    awaitLatch(release);
                    return filed;
                }), threads);
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CycleView> closing = CompletableFuture.supplyAsync(
                () -> cycles.close(f.cycle, AppealFixture.EVALUATOR), threads);
        awaitWaiting(closing);

        release.countDown();
        assertThat(closing.get(30, TimeUnit.SECONDS).status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(filing.get(30, TimeUnit.SECONDS).id()).isNotNull();
        assertThat(f.written().appeals()).isEqualTo(1);
    }

    @Test
    void anAppealFiledWhileTheCycleIsClosingWaitsAndIsRefused() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<CycleView> closing = CompletableFuture.supplyAsync(() -> new TransactionTemplate(
                transactions).execute(tx -> {
                    CycleView view = cycles.close(f.cycle, AppealFixture.EVALUATOR);
                    closed.countDown();
                    awaitLatch(release);
                    return view;
                }), threads);
        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        AppealFixture.Written before = f.written();
        CompletableFuture<AppealView> filing = CompletableFuture.supplyAsync(() -> appeals.file(f.cycle,
                new FileAppeal(null, "Xin xem xét lại.", null), f.member(f.an)), threads);
        awaitWaiting(filing);

        release.countDown();
        closing.get(30, TimeUnit.SECONDS);
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> filing.get(30, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThat(f.written()).isEqualTo(before);
    }

    /** Waits until the other side is blocked on the cycle's lock (the database shows it), and has not finished. */
    private void awaitWaiting(CompletableFuture<?> change) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                """).query(Integer.class).single() >= 1);
        assertThat(change).isNotDone();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
