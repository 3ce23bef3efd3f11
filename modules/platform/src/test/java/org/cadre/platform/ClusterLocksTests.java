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
import org.cadre.platform.testing.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A named lock held until a transaction ends makes a second transaction wait for the first one's commit; a lock held
 * shared lets other shared holders in and keeps the exclusive one waiting.
 */
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
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<Void> first = holding(() -> locks.lockUntilTransactionEnds(name), release, threads);
            CompletableFuture<Void> second = inTransaction(() -> locks.lockUntilTransactionEnds(name), threads);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> LockWaits.waitingFor(jdbc, name) >= 1);
            assertThat(second).isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void sharedHoldersGoSideBySideWhileTheExclusiveOneWaitsForThemAll() throws Exception {
        assertThatThrownBy(() -> locks.lockSharedUntilTransactionEnds("test.roster"))
                .isInstanceOf(IllegalStateException.class);

        String name = "test.roster." + System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<Void> first = holding(() -> locks.lockSharedUntilTransactionEnds(name), release,
                    threads);
            // a second shared holder does not wait for the first
            inTransaction(() -> locks.lockSharedUntilTransactionEnds(name), threads).get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> exclusive = inTransaction(() -> locks.lockUntilTransactionEnds(name), threads);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> LockWaits.waitingFor(jdbc, name) >= 1);
            assertThat(exclusive).isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            exclusive.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** A transaction on another thread that takes a lock and keeps it until {@code release}, once it holds it. */
    private CompletableFuture<Void> holding(Runnable lock, CountDownLatch release, ExecutorService threads)
            throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = inTransaction(() -> {
            lock.run();
            held.countDown();
            await(release);
        }, threads);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private CompletableFuture<Void> inTransaction(Runnable work, ExecutorService threads) {
        return CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> work.run()), threads);
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
