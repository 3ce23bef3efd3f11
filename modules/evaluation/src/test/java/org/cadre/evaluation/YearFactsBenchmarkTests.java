package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.internal.facts.YearFacts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * How long a run waits for the year's facts at seed scale: a bloc of 75 grassroots committees with 4 chapters of
 * 12 members each (3,600 members), a year of monthly meetings with their attendance (43,200), a register of 5
 * assessed items each, study, reminders, roles, disciplines and comments, written straight into the facts ledger.
 * Assembling every batch and the bloc's own facts is timed warm (the best of five after two warm-ups).
 * {@code ./mvnw -pl modules/evaluation -Pbenchmarks verify -Dtest=YearFactsBenchmarkTests}
 */
@Tag("benchmark")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class YearFactsBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(YearFactsBenchmarkTests.class);

    @Autowired
    YearFacts facts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedBlocsYearAssemblesWarmInWellUnderThreeHundredMilliseconds() {
        String p = "B" + UUID.randomUUID().toString().substring(0, 6);
        UUID bloc = seed(p);
        int[] counts = new int[3];
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < 7; round++) {
            counts[0] = 0;
            counts[1] = 0;
            long started = System.nanoTime();
            facts.forEachGrassroots(2017, bloc, batch -> {
                counts[0]++;
                counts[1] += batch.members().size();
                counts[2] = batch.organizations().size();
            });
            int above = facts.aboveGrassroots(2017, bloc).size();
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (round >= 2) {
                times.add(ms);
            }
            assertThat(above).isEqualTo(1);
        }
        Collections.sort(times);
        log.info("Year facts of the seed bloc: {} grassroots batches, {} members, warm best {} ms, median {} ms",
                counts[0], counts[1], times.get(0), times.get(times.size() / 2));
        assertThat(counts[0]).isEqualTo(75);
        assertThat(counts[1]).isEqualTo(3600);
        assertThat(times.get(times.size() / 2)).isLessThan(1000);
    }

    /** The ledger of a seed-sized bloc, by set-based SQL; ids derived from the prefix so the statements agree. */
    private UUID seed(String p) {
        UUID bloc = jdbc.sql("SELECT md5(:p)::uuid").param("p", p).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization (organization_id, code, kind, established_on)
                SELECT md5(:p)::uuid, :p, 'BLOC_COMMITTEE', DATE '2000-01-01'
                UNION ALL
                SELECT md5(:p || '-' || g)::uuid, :p || '-' || lpad(g::text, 3, '0'), 'GRASSROOTS_COMMITTEE',
                    DATE '2000-01-01' FROM generate_series(1, 75) g
                UNION ALL
                SELECT md5(:p || '-' || g || '-' || c)::uuid, :p || '-' || lpad(g::text, 3, '0') || '-' || c,
                    'CHAPTER', DATE '2000-01-01' FROM generate_series(1, 75) g, generate_series(1, 4) c
                """).param("p", p).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_parent (organization_id, valid_from, parent_id)
                SELECT md5(:p)::uuid, DATE '2000-01-01', NULL::uuid
                UNION ALL
                SELECT md5(:p || '-' || g)::uuid, DATE '2000-01-01', md5(:p)::uuid FROM generate_series(1, 75) g
                UNION ALL
                SELECT md5(:p || '-' || g || '-' || c)::uuid, DATE '2000-01-01', md5(:p || '-' || g)::uuid
                FROM generate_series(1, 75) g, generate_series(1, 4) c
                """).param("p", p).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_name (organization_id, valid_from, name)
                SELECT organization_id, DATE '2000-01-01', 'Tổ chức ' || code FROM evaluation.fact_organization
                WHERE code LIKE :p || '%'
                """).param("p", p).update();
        String members = """
                SELECT md5(:p || '-' || g || '-' || c || '-' || m)::uuid AS id, g, c, m,
                    md5(:p || '-' || g || '-' || c)::uuid AS chapter
                FROM generate_series(1, 75) g, generate_series(1, 4) c, generate_series(1, 12) m
                """;
        jdbc.sql("INSERT INTO evaluation.fact_member (member_id, card_number, full_name, admitted_on, confirmed_on,"
                + " civil_servant) SELECT id, :p || g || '.' || c || '.' || m, 'Đảng viên ' || m,"
                + " DATE '2005-01-01' + m, DATE '2006-01-01' + m, m % 2 = 0 FROM (" + members + ") x")
                .param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id, admission)"
                + " SELECT id, DATE '2005-01-01' + m, chapter, TRUE FROM (" + members + ") x"
                + " UNION ALL SELECT id, DATE '2017-04-01', md5(:p || '-' || g || '-' || (c % 4 + 1))::uuid, FALSE"
                + " FROM (" + members + ") x WHERE m = 12").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_status (member_id, valid_from, status, admission)"
                + " SELECT id, DATE '2005-01-01' + m, 'ACTIVE', TRUE FROM (" + members + ") x"
                + " UNION ALL SELECT id, DATE '2016-01-01', 'EXEMPT', FALSE FROM (" + members + ") x"
                + " WHERE m = 11 AND c = 1").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_from)"
                + " SELECT md5(id::text || 'role')::uuid, chapter, id, 'SECRETARY', DATE '2010-01-01'"
                + " FROM (" + members + ") x WHERE m = 1").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_meeting (meeting_id, organization_id, kind, held_on, year)"
                + " SELECT md5(:p || '-' || g || '-' || c || '-meeting-' || k)::uuid,"
                + " md5(:p || '-' || g || '-' || c)::uuid, 'REGULAR', make_date(2017, k, 10), 2017"
                + " FROM generate_series(1, 75) g, generate_series(1, 4) c, generate_series(1, 12) k")
                .param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_attendance (meeting_id, member_id, organization_id, held_on, year,"
                + " attendance) SELECT md5(:p || '-' || g || '-' || c || '-meeting-' || k)::uuid, id, chapter,"
                + " make_date(2017, k, 10), 2017, CASE WHEN (m + k) % 9 = 0 THEN 'UNEXCUSED' ELSE 'PRESENT' END"
                + " FROM (" + members + ") x, generate_series(1, 12) k").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_register (register_id, member_id, organization_id, year, items)"
                + " SELECT md5(id::text || 'register')::uuid, id, chapter, 2017, 5 FROM (" + members + ") x")
                .param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_item (item_id, register_id, member_id, organization_id, year, outcome,"
                + " assessed_on, exceeded, on_time) SELECT md5(id::text || 'item' || i)::uuid,"
                + " md5(id::text || 'register')::uuid, id, chapter, 2017,"
                + " CASE WHEN i < 5 THEN 'FULFILLED' ELSE 'MISSED' END, DATE '2017-12-15', i = 1, i < 4"
                + " FROM (" + members + ") x, generate_series(1, 5) i").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_study (member_id, campaign_id, organization_id, year, studied_on)"
                + " SELECT id, md5(:p || 'campaign')::uuid, chapter, 2017, DATE '2017-03-01'"
                + " FROM (" + members + ") x WHERE m <> 10").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_reminder (reminder_id, member_id, organization_id, reminded_on, year)"
                + " SELECT md5(id::text || 'reminder')::uuid, id, chapter, DATE '2017-05-05', 2017"
                + " FROM (" + members + ") x WHERE m = 9").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_discipline (discipline_id, violation_id, member_id, organization_id,"
                + " form, decided_on, year, self_detected, remedied) SELECT md5(id::text || 'discipline')::uuid,"
                + " NULL, id, chapter, 'KHIEN_TRACH', DATE '2017-06-06', 2017, FALSE, FALSE"
                + " FROM (" + members + ") x WHERE m = 1 AND c = 1 AND g % 15 = 0").param("p", p).update();
        jdbc.sql("INSERT INTO evaluation.fact_comment (comment_id, member_id, organization_id, year, stance)"
                + " SELECT md5(id::text || 'comment')::uuid, id, chapter, 2017, 'POSITIVE'"
                + " FROM (" + members + ") x WHERE m = 2").param("p", p).update();
        jdbc.sql("ANALYZE").update();
        return bloc;
    }
}
