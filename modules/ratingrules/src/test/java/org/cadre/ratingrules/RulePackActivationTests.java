package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hot swap under load, refresh from another instance, and the heap over many activations. */
@RatingRulesModuleTest
class RulePackActivationTests {

    private static final Logger log = LoggerFactory.getLogger(RulePackActivationTests.class);

    @Autowired
    RatingRules rules;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    /** Version 1 rates a member attending 7 of 10 meetings FAIL, version 2 (threshold 0.6) PASS. */
    TestPack twoVersions() {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.6"), "test");
        return pack;
    }

    static List<MemberFacts> member() {
        return List.of(TestPacks.member("m1", 10, 7, "GOOD"));
    }

    @Test
    void activationDuringConcurrentEvaluationsLosesNoCall() throws Exception {
        TestPack pack = twoVersions();
        registry.activate(pack.id(), 1, "test");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger[] byVersion = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        int threads = 2;
        CountDownLatch done = new CountDownLatch(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            executor.submit(() -> {
                try {
                    while (running.get()) {
                        Ratings evaluation = rules.evaluate(pack.year(), Proposal.Subject.MEMBER, member());
                        String level = evaluation.ratings().get(0).level();
                        String expected = evaluation.packVersion() == 1 ? "FAIL" : "PASS";
                        if (!expected.equals(level)) {
                            failures.add(new AssertionError("version " + evaluation.packVersion() + " rated " + level));
                        }
                        byVersion[evaluation.packVersion()].incrementAndGet();
                        calls.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        int activations = 10;
        for (int i = 0; i < activations; i++) {
            registry.activate(pack.id(), i % 2 == 0 ? 2 : 1, "test");
        }
        running.set(false);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        executor.shutdown();
        log.info("{} evaluations during {} activations: {} on version 1, {} on version 2", calls.get(), activations,
                byVersion[1].get(), byVersion[2].get());
        assertThat(failures).isEmpty();
        assertThat(byVersion[1].get()).isPositive();
        assertThat(byVersion[2].get()).isPositive();
    }

    @Test
    void anActivationByAnotherInstanceIsServedWithinSeconds() throws Exception {
        TestPack pack = twoVersions();
        registry.activate(pack.id(), 1, "test");
        assertThat(rules.evaluate(pack.year(), Proposal.Subject.MEMBER, member()).packVersion()).isEqualTo(1);
        // what another instance's activation leaves in the shared database
        jdbc.sql("UPDATE ratingrules.pack_version SET state = 'RETIRED' WHERE pack_id = ? AND version = 1")
                .param(pack.id()).update();
        jdbc.sql("UPDATE ratingrules.pack_version SET state = 'ACTIVE' WHERE pack_id = ? AND version = 2")
                .param(pack.id()).update();
        jdbc.sql("UPDATE ratingrules.activation_generation SET value = value + 1 WHERE id = 1").update();
        long start = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                rules.evaluate(pack.year(), Proposal.Subject.MEMBER, member()).packVersion() == 2);
        log.info("Another instance's activation served after {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Heap over 12 activations: each compiles a new KieBase, swaps it in and disposes the old container and module.
     * The used heap after a full GC must stay flat: a leak of one KieBase per activation (megabytes each) shows.
     * The figure over 50 activations of a shipped pack is the opt-in {@link ShippedPackHeapBenchmarkTests}.
     */
    @Test
    void heapStaysFlatOverRepeatedActivations() throws Exception {
        TestPack pack = twoVersions();
        for (int i = 0; i < 4; i++) {
            registry.activate(pack.id(), i % 2 == 0 ? 1 : 2, "test");
        }
        long before = usedAfterGc();
        long start = System.nanoTime();
        int activations = 12;
        for (int i = 0; i < activations; i++) {
            registry.activate(pack.id(), i % 2 == 0 ? 1 : 2, "test");
            rules.evaluate(pack.year(), Proposal.Subject.MEMBER, member());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        log.info("HEAP-BENCHMARK: {} activations in {} ms ({} ms each); used heap after GC {} MB before, {} MB after, "
                        + "growth {} MB", activations, millis, millis / activations, before / 1_048_576,
                after / 1_048_576, (after - before) / 1_048_576.0);
        assertThat(after - before).as("heap growth over %d activations", activations).isLessThan(8L * 1024 * 1024);
    }

    /** The used heap after full collections, taken until it stops falling (at most five). */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            ManagementFactory.getMemoryMXBean().gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
