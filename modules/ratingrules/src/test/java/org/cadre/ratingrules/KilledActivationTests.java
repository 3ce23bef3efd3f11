package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.platform.testing.SecondInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Activation across instances, with a second JVM on the same database: an instance killed (SIGKILL) in the middle
 * of an activation's transaction leaves the old version active and served, no trace of the half-made activation,
 * and a new activation then succeeds; an activation made by the other instance is served by this one. Heavy: a
 * second JVM per test, 20 to 40 s each.
 */
@RatingRulesModuleTest
class KilledActivationTests {

    private static final Logger log = LoggerFactory.getLogger(KilledActivationTests.class);

    @Autowired
    RatingRules rules;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    /** Version 1 rates a member attending 7 of 10 meetings FAIL, version 2 (threshold 0.6) PASS; 1 is active. */
    private TestPack twoVersionsTheFirstActive() {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        registry.changeParameters(pack.id(), 1, Map.of("minAttendance", "0.6"), "test");
        registry.activate(pack.id(), 1, "test");
        assertThat(served(pack)).isEqualTo("1 FAIL");
        return pack;
    }

    @Test
    void anActivationWhoseInstanceIsKilledInItsTransactionLeavesTheOldVersionServing() throws Exception {
        TestPack pack = twoVersionsTheFirstActive();
        long generation = generation();
        PackState second = registry.version(pack.id(), 2).state();

        // this test holds the row of version 2: the other instance's activation retires version 1 and writes its
        // audit entry, then waits here with its transaction open, and is killed there
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM ratingrules.pack_version WHERE pack_id = ? AND version = 2 FOR UPDATE")) {
                lock.setString(1, pack.id());
                lock.execute();
            }
            try (SecondInstance other = SecondInstance.start(dataSource, ActivationInstance.class, pack.id(), "2")) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    other.requireAlive();
                    return other.blockedWhileWriting(jdbc);
                });
                // meanwhile the old version serves, here and in the database
                assertThat(served(pack)).isEqualTo("1 FAIL");
                assertThat(states(pack)).isEqualTo("1 ACTIVE, 2 " + second);
                other.kill();
                // the killed instance's server process finishes the statement it waits in once the row is free,
                // finds its client gone and rolls the transaction back
                holder.rollback();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> other.connections(jdbc) == 0);
            }
        }

        // no half-activated state: version 1 still active and served, nothing of the killed activation kept
        assertThat(states(pack)).isEqualTo("1 ACTIVE, 2 " + second);
        assertThat(generation()).isEqualTo(generation);
        assertThat(registry.audit(pack.id())).noneMatch(e -> e.actor().equals(ActivationInstance.ACTOR));
        assertThat(served(pack)).isEqualTo("1 FAIL");

        // and a new activation succeeds
        registry.activate(pack.id(), 2, "test");
        assertThat(states(pack)).isEqualTo("1 RETIRED, 2 ACTIVE");
        assertThat(served(pack)).isEqualTo("2 PASS");
    }

    @Test
    void anActivationByTheOtherInstanceIsServedByThisOne() throws Exception {
        TestPack pack = twoVersionsTheFirstActive();
        try (SecondInstance other = SecondInstance.start(dataSource, ActivationInstance.class, pack.id(), "2")) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                other.requireAlive();
                return other.printed("SECOND-INSTANCE-ACTIVATED");
            });
            long activated = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> served(pack).equals("2 PASS"));
            log.info("TWO-INSTANCES: an activation by the other JVM served by this one {} ms after it returned",
                    (System.nanoTime() - activated) / 1_000_000);
        }
        assertThat(states(pack)).isEqualTo("1 RETIRED, 2 ACTIVE");
        assertThat(registry.audit(pack.id())).filteredOn(e -> e.actor().equals(ActivationInstance.ACTOR))
                .extracting(e -> e.action() + " " + e.version()).containsExactlyInAnyOrder("RETIRE 1", "ACTIVATE 2");
    }

    /** The version serving the pack's year here and the level it gives a member attending 7 of 10 meetings. */
    private String served(TestPack pack) {
        Ratings ratings = rules.evaluate(pack.year(), Proposal.Subject.MEMBER,
                List.<MemberFacts>of(TestPacks.member("m1", 10, 7, "GOOD")));
        return ratings.packVersion() + " " + ratings.ratings().get(0).level();
    }

    private String states(TestPack pack) {
        return String.join(", ", jdbc.sql("""
                SELECT version || ' ' || state FROM ratingrules.pack_version WHERE pack_id = ? ORDER BY version
                """).param(pack.id()).query(String.class).list());
    }

    private long generation() {
        return jdbc.sql("SELECT value FROM ratingrules.activation_generation WHERE id = 1").query(Long.class).single();
    }
}
