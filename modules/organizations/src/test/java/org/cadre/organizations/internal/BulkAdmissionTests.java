package org.cadre.organizations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MemberService#admitAll} writes what admitting the same members one by one writes: the same member rows and
 * periods, one {@link MemberAdmitted} per member with a publication row for each listener (completed once the
 * listener ran), and the same audit lines; and a refused row writes nothing and is named. Two listeners of the
 * test stand in for the other modules' ones.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class BulkAdmissionTests {

    /** More than one batch, so the second batch's checks see the first's cards. */
    static final int N = MemberService.BATCH + 20;

    @Autowired
    MemberService service;
    @Autowired
    Members members;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Heard heard;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    @Test
    void admitAllWritesTheSameRowsEventsAndAuditLinesAsOneByOne() {
        String single = tree.prefix + "S";
        String bulk = tree.prefix + "B";
        transaction.executeWithoutResult(status -> commands(single, N).forEach(service::admit));
        List<MemberId> admitted = transaction.execute(status -> service.admitAll(commands(bulk, N)));

        assertThat(admitted).hasSize(N).doesNotHaveDuplicates();
        assertThat(admitted).containsExactlyElementsOf(ids(bulk));
        // every listener heard every member, and each publication was completed (moved to the archive)
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(heard.first()).containsAll(admitted);
            assertThat(heard.second()).containsAll(admitted);
            assertThat(live(bulk)).isZero();
            assertThat(live(single)).isZero();
        });
        assertThat(memberRows(bulk)).hasSize(N).isEqualTo(memberRows(single));
        assertThat(periodRows(bulk, "membership_period")).hasSize(N)
                .isEqualTo(periodRows(single, "membership_period"));
        assertThat(periodRows(bulk, "member_status_period")).hasSize(N)
                .isEqualTo(periodRows(single, "member_status_period"));
        assertThat(publicationRows(bulk)).hasSize(2 * N).isEqualTo(publicationRows(single));
        assertThat(auditRows(bulk)).hasSize(N).isEqualTo(auditRows(single));
    }

    @Test
    void aCardTwiceInTheListIsRefusedOnItsRowAndNothingIsWritten() {
        String prefix = tree.prefix + "D";
        List<AdmitMember> commands = new ArrayList<>(commands(prefix, N));
        // the last row repeats the third's card: the refusal comes in the second batch, after the first was written
        AdmitMember third = commands.get(2);
        commands.set(N - 1, tree.command(tree.chapterB, third.cardNumber(), "Lê", "Văn", "Lặp"));

        assertThatThrownBy(() -> transaction.execute(status -> service.admitAll(commands)))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(OrganizationRefusal.CARD_TAKEN);
                    assertThat(refused.arguments()).containsExactly(third.cardNumber());
                    assertThat(refused.details()).containsEntry("row", N);
                });
        assertNothingWritten(prefix);
    }

    @Test
    void anOrganizationThatTakesNoMembersIsRefusedOnItsRowAsOneByOneAndNothingIsWritten() {
        String prefix = tree.prefix + "C";
        List<AdmitMember> commands = new ArrayList<>(commands(prefix, 5));
        AdmitMember intoCommittee = tree.command(tree.committee, prefix + "-X", "Đỗ", "Văn", "Ủy");
        commands.set(3, intoCommittee);
        Refused alone = catchRefused(() -> members.admit(intoCommittee));

        assertThatThrownBy(() -> transaction.execute(status -> service.admitAll(commands)))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(alone.reason())
                            .isEqualTo(OrganizationRefusal.HOLDS_NO_MEMBERS);
                    assertThat(refused.arguments()).containsExactly(alone.arguments());
                    assertThat(refused.details()).containsEntry("row", 4);
                });
        assertNothingWritten(prefix);
    }

    @Test
    void aCardAlreadyTakenIsRefusedAsOneByOne() {
        MemberId existing = tree.admit(tree.chapterA, "Phan", "Văn", "Có");
        String card = members.find(existing).orElseThrow().cardNumber();
        String prefix = tree.prefix + "T";
        List<AdmitMember> commands = new ArrayList<>(commands(prefix, 3));
        commands.add(tree.command(tree.chapterB, card, "Phan", "Văn", "Trùng"));

        assertThatThrownBy(() -> transaction.execute(status -> service.admitAll(commands)))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(OrganizationRefusal.CARD_TAKEN);
                    assertThat(refused.details()).containsEntry("row", 4);
                });
        assertNothingWritten(prefix);
    }

    private static Refused catchRefused(Runnable change) {
        try {
            change.run();
        } catch (Refused refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    private void assertNothingWritten(String prefix) {
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.member WHERE card_number LIKE :p")
                .param("p", prefix + "-%").query(Integer.class).single()).isZero();
        assertThat(auditRows(prefix)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :p)
                     + (SELECT count(*) FROM events.event_publication_archive WHERE serialized_event LIKE :p)
                """).param("p", "%\"" + prefix + "-%").query(Integer.class).single()).isZero();
    }

    /** Members with card numbers {@code prefix-1...}, alternately in the two chapters, with varied data. */
    private List<AdmitMember> commands(String prefix, int count) {
        List<AdmitMember> commands = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            OrganizationId into = i % 2 == 0 ? tree.chapterA : tree.chapterB;
            commands.add(new AdmitMember(prefix + "-" + i, "Nguyễn", i % 3 == 0 ? null : "Thị", "Hạnh " + i,
                    LocalDate.of(1960 + i % 30, 1 + i % 12, 1 + i % 28), i % 2 == 0
                            ? org.cadre.organizations.Sex.MALE : org.cadre.organizations.Sex.FEMALE,
                    i % 4 == 0 ? String.format("%012d", i) : null, into.value(), LocalDate.of(2010, 5, 19),
                    i % 5 == 0 ? null : LocalDate.of(2011, 5, 19), i % 2 == 0, i % 7 == 0 ? null : "Chuyên viên"));
        }
        return commands;
    }

    private List<MemberId> ids(String prefix) {
        return jdbc.sql("""
                SELECT id FROM organizations.member WHERE card_number LIKE :p
                ORDER BY CAST(substring(card_number FROM :from) AS INT)
                """).param("p", prefix + "-%").param("from", prefix.length() + 2)
                .query((rs, row) -> new MemberId(rs.getObject("id", UUID.class))).list();
    }

    /** Each member's row, without its id, its card number's prefix cut off, by card number. */
    private Map<String, String> memberRows(String prefix) {
        return jdbc.sql("""
                SELECT replace(card_number, :p, '') AS card, (to_jsonb(m) - 'id' - 'card_number')::text AS row
                FROM organizations.member m WHERE card_number LIKE :p || '-%'
                """).param("p", prefix).query((rs, n) -> Map.entry(rs.getString("card"), rs.getString("row")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Each member's periods of the table, without ids and the time of recording, by card number. */
    private Map<String, String> periodRows(String prefix, String table) {
        return jdbc.sql("""
                SELECT replace(m.card_number, :p, '') AS card,
                       string_agg((to_jsonb(x) - 'id' - 'member_id' - 'recorded_at')::text, ';' ORDER BY x.id) AS row
                FROM organizations.%s x JOIN organizations.member m ON m.id = x.member_id
                WHERE m.card_number LIKE :p || '-%%' GROUP BY m.card_number
                """.formatted(table)).param("p", prefix)
                .query((rs, n) -> Map.entry(rs.getString("card"), rs.getString("row")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Each member's publications, live and archived: listener, type, status, attempts and the event (the member id
     * and the card prefix written out), one line each, by card number.
     */
    private Map<String, String> publicationRows(String prefix) {
        return jdbc.sql("""
                WITH p AS (SELECT * FROM events.event_publication UNION ALL
                           SELECT * FROM events.event_publication_archive)
                SELECT replace(m.card_number, :p, '') || ' ' || p.listener_id AS card,
                       p.event_type || ' ' || coalesce(p.status, '') || ' ' || coalesce(p.completion_attempts, 0)
                       || ' ' || (p.completion_date IS NOT NULL) || ' '
                       || replace(replace(p.serialized_event, m.id::text, 'ID'), :p, '') AS row
                FROM p JOIN organizations.member m ON p.serialized_event LIKE '%' || m.id::text || '%'
                WHERE m.card_number LIKE :p || '-%' AND p.event_type = :type
                """).param("p", prefix).param("type", MemberAdmitted.class.getName())
                .query((rs, n) -> Map.entry(rs.getString("card"), rs.getString("row")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The admissions' audit lines without id and time, the member id and card prefix written out, by card. */
    private Map<String, String> auditRows(String prefix) {
        return jdbc.sql("""
                SELECT replace(m.card_number, :p, '') AS card,
                       concat_ws(' ', a.username, a.roles, a.module, a.kind, replace(a.target, m.id::text, 'ID'),
                                 a.organization, replace(a.arguments, :p, '')) AS row
                FROM audit.entry a JOIN organizations.member m ON a.target = m.id::text
                WHERE m.card_number LIKE :p || '-%' AND a.kind = 'organizations.member-admitted'
                """).param("p", prefix).query((rs, n) -> Map.entry(rs.getString("card"), rs.getString("row")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Publications of the members not yet completed. */
    private int live(String prefix) {
        return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :p")
                .param("p", "%\"" + prefix + "-%").query(Integer.class).single();
    }

    /** Two listeners of the event, as other modules have (read through methods: the bean is an async proxy). */
    static class Heard {
        private final Set<MemberId> first = ConcurrentHashMap.newKeySet();
        private final Set<MemberId> second = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener(id = "test.bulk-admission-first")
        void first(MemberAdmitted event) {
            first.add(event.member());
        }

        @ApplicationModuleListener(id = "test.bulk-admission-second")
        void second(MemberAdmitted event) {
            second.add(event.member());
        }

        Set<MemberId> first() {
            return Set.copyOf(first);
        }

        Set<MemberId> second() {
            return Set.copyOf(second);
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        Heard heard() {
            return new Heard();
        }
    }
}
