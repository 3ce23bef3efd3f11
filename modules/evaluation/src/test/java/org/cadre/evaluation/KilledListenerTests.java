package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.platform.testing.SecondInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance dies (SIGKILL) between an event's publication and its handling: the admission of a member committed
 * with its publication, and evaluation's facts listener was still running in the instance's own JVM. The member
 * exists, its facts do not, the publication stays incomplete; the next instance to start republishes it and the
 * facts appear once, and a second delivery of the same event (what at-least-once delivery allows) changes nothing.
 * Heavy: two more JVMs, about a minute.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class KilledListenerTests {

    private static final Logger log = LoggerFactory.getLogger(KilledListenerTests.class);
    private static final String LISTENER = "evaluation.on-member-admitted";

    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventSerializer serializer;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventWhoseListenerDiesWithItsInstanceIsHandledOnceByTheNextInstance() throws Exception {
        String prefix = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(2005, 1, 10);
        OrganizationId grassroots = organizations.register(new RegisterOrganization(prefix, "Đảng bộ " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        OrganizationId chapter = organizations.register(new RegisterOrganization(prefix + "-A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, grassroots.value(), established));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM evaluation.fact_organization WHERE organization_id = ?", chapter.value()) == 1);
        String card = prefix + "-1";
        long started = System.nanoTime();

        // this test holds the facts table: the other instance's listener waits on its first write, and dies there
        UUID member;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE evaluation.fact_member IN SHARE MODE");
            }
            try (SecondInstance first = SecondInstance.start(dataSource, EventInstance.class, "admit",
                    chapter.value().toString(), card)) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    first.requireAlive();
                    return incomplete(card) == 1 && first.waitingForALock(jdbc);
                });
                first.kill();
                holder.rollback();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> first.connections(jdbc) == 0);
            }
        }
        long killed = System.nanoTime();

        // the admission committed, its handling did not happen: the member without facts, the publication waiting
        member = jdbc.sql("SELECT id FROM organizations.member WHERE card_number = ?").param(card)
                .query(UUID.class).single();
        assertThat(facts(member)).isEqualTo("0 0 0");
        assertThat(incomplete(card)).isEqualTo(1);
        assertThat(archived(card)).isZero();

        // the next instance to start republishes it: the facts appear, once
        try (SecondInstance next = SecondInstance.start(dataSource, EventInstance.class, "restart")) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                next.requireAlive();
                return incomplete(card) == 0;
            });
        }
        assertThat(archived(card)).isEqualTo(1);
        assertThat(facts(member)).isEqualTo("1 1 1");
        String handled = factValues(member);
        log.info("Killed listener: caught and killed {} ms after the start, handled by the next instance {} ms later",
                (killed - started) / 1_000_000, (System.nanoTime() - killed) / 1_000_000);

        // a second delivery of the same event (at least once) changes nothing
        String serialized = jdbc.sql("""
                SELECT serialized_event FROM events.event_publication_archive
                WHERE listener_id = ? AND serialized_event LIKE ?
                """).param(LISTENER).param("%\"" + card + "\"%").query(String.class).single();
        MemberAdmitted again = serializer.deserialize(serialized, MemberAdmitted.class);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(again));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> archived(card) == 2 && incomplete(card) == 0);
        assertThat(facts(member)).isEqualTo("1 1 1");
        assertThat(factValues(member)).isEqualTo(handled);
    }

    /** The publications of the facts listener for the admission of this card, not completed. */
    private int incomplete(String card) {
        return jdbc.sql("""
                SELECT count(*) FROM events.event_publication
                WHERE listener_id = ? AND serialized_event LIKE ? AND completion_date IS NULL
                """).param(LISTENER).param("%\"" + card + "\"%").query(Integer.class).single();
    }

    private int archived(String card) {
        return jdbc.sql("""
                SELECT count(*) FROM events.event_publication_archive WHERE listener_id = ? AND serialized_event LIKE ?
                """).param(LISTENER).param("%\"" + card + "\"%").query(Integer.class).single();
    }

    /** How many rows the member has in the facts of members, memberships and statuses. */
    private String facts(UUID member) {
        return count("SELECT count(*) FROM evaluation.fact_member WHERE member_id = ?", member) + " "
                + count("SELECT count(*) FROM evaluation.fact_membership WHERE member_id = ?", member) + " "
                + count("SELECT count(*) FROM evaluation.fact_status WHERE member_id = ?", member);
    }

    private String factValues(UUID member) {
        return jdbc.sql("""
                SELECT concat_ws('|', m.card_number, m.full_name, m.admitted_on, m.confirmed_on, m.civil_servant,
                    s.organization_id, s.admission, s.cancelled, t.status, t.valid_from, t.admission, t.cancelled)
                FROM evaluation.fact_member m
                JOIN evaluation.fact_membership s ON s.member_id = m.member_id
                JOIN evaluation.fact_status t ON t.member_id = m.member_id
                WHERE m.member_id = ?
                """).param(member).query(String.class).single();
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }
}
