package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A named lock held until a transaction ends makes a second transaction wait for the first one's commit. */
@PlatformModuleTest
class ClusterLocksTests {

    @Autowired
    ClusterLocks locks;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTransactionLockIsHeldUntilTheCommitAndNeedsATransaction() throws Exception {
        assertThatThrownBy(() -> locks.lockUntilTransactionEnds("test.shape"))
                .isInstanceOf(IllegalStateException.class);

        String name = "test.shape." + System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> {
                        locks.lockUntilTransactionEnds(name);
                        held.countDown();
                        await(release);
                    }), threads);
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> locks.lockUntilTransactionEnds(name)), threads);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                    """).query(Integer.class).single() >= 1);
            assertThat(second).isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
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
