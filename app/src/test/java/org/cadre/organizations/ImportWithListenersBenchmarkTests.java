package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import of 3,600 members with the whole application, so with the other modules' listeners of
 * {@link MemberAdmitted} on: how long the import takes, and how long until every publication of its events is
 * completed (each listener has run). A benchmark (tag {@code benchmark}):
 * {@code ./mvnw -B -Pbenchmarks verify -pl app -Dtest=ImportWithListenersBenchmarkTests}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"cadre.demo-data.enabled=false", "spring.main.banner-mode=off"})
class ImportWithListenersBenchmarkTests {

    static final int MEMBERS = 3_600;
    /** The import's events (their card numbers carry the tree's prefix) not completed yet. */
    static final String COUNT_LIVE = "SELECT count(*) FROM events.event_publication "
            + "WHERE event_type = :type AND serialized_event LIKE :p";
    static final String COUNT_ARCHIVED = "SELECT count(*) FROM events.event_publication_archive "
            + "WHERE event_type = :type AND serialized_event LIKE :p";

    @Autowired
    Imports imports;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theBlocsMembersImportAndEveryListenerHearsThem() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        List<String> chapters = tree.chapters(12);
        byte[] workbook = Workbooks.members(tree.prefix, chapters, MEMBERS);
        Caller admin = Caller.of("benchmark", Role.ADMIN);
        long started = System.nanoTime();
        ImportReport report = imports.run(ImportKind.MEMBERS, "3600.xlsx", workbook, admin, done -> { });
        double imported = (System.nanoTime() - started) / 1e9;
        assertThat(report.created()).isEqualTo(MEMBERS);
        String pattern = "%\"" + tree.prefix + "-%";
        // what the registry stored for the import's events, live and completed, in one statement
        int stored = jdbc.sql("SELECT (" + COUNT_LIVE + ") + (" + COUNT_ARCHIVED + ")").param("p", pattern)
                .param("type", MemberAdmitted.class.getName()).query(Integer.class).single();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql(COUNT_LIVE).param("p", pattern).param("type", MemberAdmitted.class.getName())
                        .query(Integer.class).single() == 0);
        double completed = (System.nanoTime() - started) / 1e9;
        List<String> listeners = jdbc.sql("""
                SELECT listener_id || ': ' || count(*) FROM events.event_publication_archive
                WHERE event_type = :type AND serialized_event LIKE :p GROUP BY listener_id ORDER BY listener_id
                """).param("p", pattern).param("type", MemberAdmitted.class.getName()).query(String.class).list();
        int archived = jdbc.sql(COUNT_ARCHIVED).param("p", pattern).param("type", MemberAdmitted.class.getName())
                .query(Integer.class).single();
        assertThat(archived).isEqualTo(stored).isEqualTo(MEMBERS * listeners.size());
        LoggerFactory.getLogger(getClass()).info("IMPORT-LISTENERS-BENCHMARK: {} members imported in {} s; "
                + "{} publications ({}), all completed {} s after the import began", MEMBERS,
                String.format("%.2f", imported), archived, listeners, String.format("%.2f", completed));
    }
}
