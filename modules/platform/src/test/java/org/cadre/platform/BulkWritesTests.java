package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cadre.platform.AuditTrailTests.SomethingDecided;
import org.cadre.platform.TestListeners.SomethingHappened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk scope holds the event publications and audit lines of its work and writes them when the work ends, in the
 * same transaction: not before (that is the saving), all of them, the listeners then run as usual; a rollback takes
 * them away with the change, work in a transaction of its own keeps its rows in it, and outside a transaction
 * nothing is held.
 */
@PlatformModuleTest
class BulkWritesTests {

    @Autowired
    BulkWrites bulk;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theRowsAreWrittenWhenTheWorkEndsAndTheListenersRunAfterCommit() {
        String marker = "bulk-" + UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        int[] during = new int[2];
        int[] after = new int[2];
        transaction.executeWithoutResult(status -> {
            bulk.collecting(() -> {
                for (int i = 0; i < 3; i++) {
                    events.publishEvent(new SomethingHappened(marker + "-" + i));
                }
                events.publishEvent(new SomethingDecided(thing, null, "một lần"));
                during[0] = publications(marker);
                during[1] = auditLines(thing);
            });
            after[0] = publications(marker);
            after[1] = auditLines(thing);
        });

        assertThat(during).containsExactly(0, 0);
        assertThat(after).containsExactly(3, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TestListeners.handled).contains(marker + "-0", marker + "-1", marker + "-2");
            assertThat(jdbc.sql("SELECT count(*) FROM events.event_publication_archive WHERE serialized_event LIKE :m")
                    .param("m", "%" + marker + "%").query(Integer.class).single()).isEqualTo(3);
        });
    }

    @Test
    void aRollbackTakesTheHeldRowsAwayWithTheChange() {
        String marker = "bulk-" + UUID.randomUUID();
        UUID thing = UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> bulk.collecting(() -> {
            events.publishEvent(new SomethingHappened(marker));
            events.publishEvent(new SomethingDecided(thing, null, "hủy"));
            throw new IllegalStateException("the change fails");
        }))).hasMessage("the change fails");

        assertThat(publications(marker)).isZero();
        assertThat(auditLines(thing)).isZero();
    }

    @Test
    void aFailureTheCallerCatchesStillLeavesTheRowsOfWhatWasDone() {
        String marker = "bulk-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            try {
                bulk.collecting(() -> {
                    events.publishEvent(new SomethingHappened(marker));
                    throw new IllegalStateException("one row refused");
                });
            } catch (IllegalStateException caught) {
                // the caller goes on and commits what was done
            }
        });

        assertThat(publications(marker)).isEqualTo(1);
    }

    @Test
    void workInATransactionOfItsOwnInsideTheScopeWritesInThatTransaction() {
        UUID thing = UUID.randomUUID();
        TransactionTemplate separately = new TransactionTemplate(transactionManager);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> bulk.collecting(() -> {
            separately.executeWithoutResult(inner -> events.publishEvent(new SomethingDecided(thing, null, "riêng")));
            throw new IllegalStateException("the outer change fails");
        }))).hasMessage("the outer change fails");

        assertThat(auditLines(thing)).isEqualTo(1);
    }

    @Test
    void outsideATransactionNothingIsHeld() {
        UUID thing = UUID.randomUUID();
        int[] during = new int[1];
        bulk.collecting(() -> {
            events.publishEvent(new SomethingDecided(thing, null, "ngay"));
            during[0] = auditLines(thing);
        });

        assertThat(during[0]).isEqualTo(1);
    }

    private int publications(String marker) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :m)
                     + (SELECT count(*) FROM events.event_publication_archive WHERE serialized_event LIKE :m)
                """).param("m", "%" + marker + "%").query(Integer.class).single();
    }

    private int auditLines(UUID thing) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE target = :t").param("t", thing.toString())
                .query(Integer.class).single();
    }
}
