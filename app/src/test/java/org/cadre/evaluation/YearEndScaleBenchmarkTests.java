package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cadre.demo.BlocGenerator;
import org.cadre.demo.Scale;
import org.cadre.organizations.BulkLoad;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.support.RawCopy;
import org.cadre.support.RawCopy.Copied;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The year-end run from the database to the database at a chosen scale (issue 14, §4): the generated tree and members
 * written with the bulk load (announced, so evaluation refills its ledger as it would after a real load), a year of
 * commitments and supervision facts laid in the ledger with set-based SQL, every criterion entered for every subject,
 * then the classification job of a cycle over the whole tree with the shipped QĐ 124 pack: facts read, rules, ratings
 * with their facts and explanations written with COPY. In the same run, the raw COPY rate of the very rows the run
 * wrote (into a table of the same columns without keys or indexes), so the run's write rate is reported against it;
 * and the raw COPY time of the generated organizations rows, against the generator's time.
 *
 * <pre>
 * ./mvnw -B -o verify -pl app -am -Pbenchmarks -Dtest=YearEndScaleBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcadre.benchmark.scale=province -DargLine="-Dfile.encoding=UTF-8 -Xmx2g"   # seed, province, million, national
 * </pre>
 *
 * Prints {@code SCALE-RUN:} lines and appends one CSV line per measured run to {@code target/scale-runs.csv}
 * ({@code scripts/scale-chart.py} draws the curve); asserts only that every member and organization was rated.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"cadre.demo-data.enabled=false", "spring.main.banner-mode=off",
        // four regular meetings a year laid in the ledger, none thematic: what the facts then require
        "cadre.supervision.regular-meetings-per-year=4", "cadre.supervision.thematic-meetings-per-year=0"})
class YearEndScaleBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(YearEndScaleBenchmarkTests.class);
    private static final Caller STAFF = Caller.of("benchmark", Role.EVALUATOR);
    /** The year the shipped QĐ 124 pack ({@code qd124-hd25}) rates. */
    private static final int YEAR = 2024;

    @Autowired
    BulkLoad bulk;
    @Autowired
    Cycles cycles;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RulePackRegistry registry;

    @Test
    void theYearEndRunAtScale() throws Exception {
        Scale scale = Scale.named(System.getProperty("cadre.benchmark.scale", "province"));
        int batch = Integer.getInteger("cadre.benchmark.batch", 2_500);
        int runs = Integer.getInteger("cadre.benchmark.runs", scale.members() > 1_000_000 ? 1 : 3);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        Path work = Files.createTempDirectory("cadre-scale-");
        try {
            // 1. the tree and the members, as the demo generator writes them; the last batch announces the load
            BlocGenerator generator = new BlocGenerator(2017, scale);
            long started = System.nanoTime();
            for (int from = 0; from < scale.grassroots(); from += batch) {
                int to = Math.min(scale.grassroots(), from + batch);
                int first = from;
                bulk.load(sink -> generator.write(sink, first, to), to == scale.grassroots());
                log.info("SCALE-RUN: {} generated {} of {} grassroots organizations, {} s", scale.name(), to,
                        scale.grassroots(), seconds(started));
            }
            long generateMillis = millis(started);
            long organizationRows = organizationsRows();
            long rawGeneratedMillis = rawCopyOfOrganizations(work);
            log.info("SCALE-RUN: {} generator {} ms for {} rows ({} rows/s); raw COPY of the same rows {} ms: "
                    + "generator / raw COPY = {}", scale.name(), generateMillis, organizationRows,
                    perSecond(organizationRows, generateMillis), rawGeneratedMillis,
                    ratio(generateMillis, rawGeneratedMillis));

            // 2. evaluation refills its ledger from the load's announcement (a job)
            long rebuildMillis = awaitRebuild();
            log.info("SCALE-RUN: {} facts ledger refilled after the load in {} ms", scale.name(), rebuildMillis);

            // 3. a year of commitments and supervision in the ledger, and a cycle with every criterion entered
            started = System.nanoTime();
            layYear();
            UUID scope = generator.blocId();
            CycleView cycle = cycles.open(new OpenCycle(YEAR, scope), STAFF);
            enterCriteria(cycle.id());
            enterReviews(cycle);
            log.info("SCALE-RUN: {} year facts and criteria laid in {} ms (pack {} v{})", scale.name(),
                    millis(started), cycle.packId(), cycle.packVersion());
            // what the run reads against what PostgreSQL caches itself: beyond shared_buffers it reads through the
            // operating system's cache, a page at a time
            log.info("SCALE-RUN: {} facts ledger and inputs {} MB (tables and indexes), shared_buffers {}",
                    scale.name(), jdbc.sql("""
                            SELECT sum(pg_total_relation_size(c.oid)) / 1048576 FROM pg_class c
                            JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE n.nspname = 'evaluation' AND c.relkind = 'r'
                                AND (c.relname LIKE 'fact%' OR c.relname LIKE 'criterion%' OR c.relname LIKE 'self%'
                                    OR c.relname LIKE 'civil%')""").query(Long.class).single(),
                    jdbc.sql("SHOW shared_buffers").query(String.class).single());

            // 4. the runs: the job's own time, the heap's peak during each
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                System.gc();
                peak.set(memory.getHeapMemoryUsage().getUsed());
                long before = peak.get();
                JobId job = cycles.classify(cycle.id(), STAFF);
                Job done = awaitJob(job, Duration.ofHours(3));
                @SuppressWarnings("unchecked")
                Map<String, Object> result = jobs.result(done, Map.class).orElseThrow();
                int members = ((Number) result.get("members")).intValue();
                int organizations = ((Number) result.get("organizations")).intValue();
                long runMillis = ((Number) result.get("millis")).longValue();
                UUID run = UUID.fromString((String) result.get("run"));
                assertThat(members).isEqualTo(ratedMembers(run)).isGreaterThan(scale.members() * 9 / 10);
                assertThat(organizations).isGreaterThan(scale.grassroots());
                long subjects = members + organizations;
                long peakMb = peak.get() / (1024 * 1024);
                if (i == 0) {
                    jdbc.sql("""
                            SELECT facts::text, explanation::text FROM evaluation.rating
                            WHERE run_id = :run AND subject = 'MEMBER' LIMIT 1
                            """).param("run", run).query((rs, n) -> {
                                log.info("SCALE-RUN: a member's row: facts {} characters, explanation {}:\n{}\n{}",
                                        rs.getString(1).length(), rs.getString(2).length(), rs.getString(1),
                                        rs.getString(2));
                                return n;
                            }).list();
                }
                // 5. the same rows, raw: COPY into a table of the same columns, no keys, no indexes
                Copied raw = rawCopyOfRun(run, work);
                long rawRate = perSecond(raw.rows(), raw.millis());
                long runRate = perSecond(subjects, runMillis);
                String line = String.join(",", scale.name(), String.valueOf(members), String.valueOf(organizations),
                        String.valueOf(runMillis), String.valueOf(runRate), String.valueOf(raw.rows()),
                        String.valueOf(raw.millis()), String.valueOf(rawRate),
                        String.valueOf(raw.bytes() / raw.rows()), String.valueOf(peakMb),
                        String.valueOf(before / (1024 * 1024)),
                        String.valueOf(memory.getHeapMemoryUsage().getMax() / (1024 * 1024)));
                lines.add(line);
                log.info("SCALE-RUN: {} run {} of {}: {} members, {} organizations in {} ms ({} subjects/s); raw COPY "
                        + "of {} of its rows ({} bytes a row) {} ms ({} rows/s): the run writes at {} % of raw COPY; "
                        + "heap {} MB before, peak {} MB, max {} MB", scale.name(), i + 1, runs, members,
                        organizations, runMillis, runRate, raw.rows(), raw.bytes() / raw.rows(), raw.millis(), rawRate,
                        Math.round(100.0 * runRate / rawRate), before / (1024 * 1024), peakMb,
                        memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
            }
            Path csv = Path.of("target", "scale-runs.csv");
            if (!Files.exists(csv)) {
                Files.writeString(csv, "scale,members,organizations,run_ms,subjects_per_s,raw_copy_rows,raw_copy_ms,"
                        + "raw_copy_rows_per_s,bytes_per_row,peak_heap_mb,heap_before_mb,max_heap_mb\n");
            }
            Files.write(csv, lines, StandardOpenOption.APPEND);
        } finally {
            sampler.shutdownNow();
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Waits for the ledger's refill the load's announcement asked for; its job's own duration. */
    private long awaitRebuild() {
        UUID[] id = new UUID[1];
        DemoCycleReady.until(() -> {
            id[0] = jdbc.sql("SELECT job_id FROM evaluation.fact_rebuild ORDER BY requested_at DESC LIMIT 1")
                    .query(UUID.class).optional().orElse(null);
            return id[0] != null;
        }, Duration.ofMinutes(5));
        Job done = awaitJob(new JobId(id[0]), Duration.ofHours(3));
        return Duration.between(done.startedAt(), done.finishedAt()).toMillis();
    }

    /**
     * A year as the modules would have sent it, drawn from each member's id: an approved register of three items
     * (one member in twenty without), most items fulfilled, the resolution studied by most, four regular meetings a
     * chapter with most members present, a reminder for one in thirty, every organization's programme adopted.
     */
    private void layYear() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    CREATE TEMP TABLE bench_member ON COMMIT DROP AS
                    SELECT DISTINCT ON (m.member_id) m.member_id, m.organization_id,
                        abs(hashtext(m.member_id::text)) AS h
                    FROM evaluation.fact_membership m
                    WHERE m.valid_from <= make_date(:year, 12, 31) AND NOT m.cancelled
                    ORDER BY m.member_id, m.valid_from DESC
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_register (register_id, member_id, organization_id, year, items)
                    SELECT md5(member_id::text || 'register')::uuid, member_id, organization_id, :year, 3
                    FROM bench_member WHERE h % 20 <> 0
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_item (item_id, register_id, member_id, organization_id, year, outcome,
                        assessed_on, exceeded, on_time)
                    SELECT md5(member_id::text || 'item' || k)::uuid, md5(member_id::text || 'register')::uuid,
                        member_id, organization_id, :year,
                        CASE WHEN (h >> k) % 10 = 0 THEN 'MISSED' ELSE 'FULFILLED' END, make_date(:year, 11, 30),
                        (h >> k) % 7 = 0, (h >> k) % 9 <> 0
                    FROM bench_member, generate_series(1, 3) AS k WHERE h % 20 <> 0
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_study (member_id, campaign_id, organization_id, year, studied_on)
                    SELECT member_id, md5('campaign' || :year)::uuid, organization_id, :year, make_date(:year, 3, 15)
                    FROM bench_member WHERE h % 25 <> 0
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_meeting (meeting_id, organization_id, kind, held_on, year)
                    SELECT md5(organization_id::text || 'meeting' || k)::uuid, organization_id, 'REGULAR',
                        make_date(:year, 3 * k, 10), :year
                    FROM (SELECT DISTINCT organization_id FROM bench_member) o, generate_series(1, 4) AS k
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_attendance (meeting_id, member_id, organization_id, held_on, year,
                        attendance)
                    SELECT md5(organization_id::text || 'meeting' || k)::uuid, member_id, organization_id,
                        make_date(:year, 3 * k, 10), :year,
                        CASE WHEN (h >> (k + 4)) % 15 = 0 THEN 'UNEXCUSED' WHEN (h >> (k + 4)) % 11 = 0 THEN 'EXCUSED'
                            ELSE 'PRESENT' END
                    FROM bench_member, generate_series(1, 4) AS k
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_reminder (reminder_id, member_id, organization_id, reminded_on, year)
                    SELECT md5(member_id::text || 'reminder')::uuid, member_id, organization_id,
                        make_date(:year, 6, 1), :year
                    FROM bench_member WHERE h % 30 = 0
                    """).param("year", YEAR).update();
            jdbc.sql("""
                    INSERT INTO evaluation.fact_programme (programme_id, organization_id, year, adopted_on,
                        committee_signed, agency_head_signed)
                    SELECT md5(organization_id::text || 'programme')::uuid, organization_id, :year,
                        make_date(:year, 2, 1), TRUE, TRUE
                    FROM evaluation.fact_organization
                    """).param("year", YEAR).update();
        });
        jdbc.sql("ANALYZE").update();
    }

    /** Every criterion of the pack for every member and organization, drawn from the subject's id. */
    private void enterCriteria(UUID cycle) {
        jdbc.sql("""
                INSERT INTO evaluation.criterion_entry (cycle_id, subject_id, criterion, level, entered_by, entered_at)
                SELECT :cycle, s.id, c.criterion,
                    (ARRAY['XUAT_SAC', 'TOT', 'TOT', 'TOT', 'TOT', 'TRUNG_BINH', 'TRUNG_BINH', 'KEM'])
                        [1 + abs(hashtext(s.id::text || c.criterion)) % 8], 'benchmark', now()
                FROM (SELECT member_id AS id, 'MEMBER' AS subject FROM evaluation.fact_member
                      UNION ALL SELECT organization_id, 'ORGANIZATION' FROM evaluation.fact_organization) s
                JOIN (VALUES ('MEMBER', 'CHINH_TRI'), ('MEMBER', 'CAM_KET'), ('MEMBER', 'NHIEM_VU'),
                             ('ORGANIZATION', 'XAY_DUNG_DANG'), ('ORGANIZATION', 'LANH_DAO_NHIEM_VU'),
                             ('ORGANIZATION', 'DOAN_KET')) AS c(subject, criterion) ON c.subject = s.subject
                """).param("cycle", cycle).update();
        jdbc.sql("ANALYZE evaluation.criterion_entry").update();
    }

    /**
     * Most members' self-reviews submitted (one in fifty not: they stay pending, as the rules say) and every civil
     * servant's civil-service rating imported, each a level of the pack's member scale drawn from the member's id.
     */
    private void enterReviews(CycleView cycle) {
        String[] levels = registry.scales(cycle.packId(), cycle.packVersion()).get("MEMBER").stream()
                .map(RulePackRegistry.Level::code).toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO evaluation.self_assessment (cycle_id, member_id, strengths, level, status, saved_at,
                    submitted_at)
                SELECT :cycle, member_id, 'Hoàn thành nhiệm vụ được giao',
                    (CAST(:levels AS text[]))[1 + abs(hashtext(member_id::text || 'self')) % :count], 'SUBMITTED',
                    now(), now()
                FROM evaluation.fact_member WHERE abs(hashtext(member_id::text)) % 50 <> 0
                """).param("cycle", cycle.id()).param("levels", levels).param("count", levels.length).update();
        jdbc.sql("""
                INSERT INTO evaluation.civil_service_rating (cycle_id, member_id, level, source, entered_by,
                    entered_at)
                SELECT :cycle, member_id,
                    (CAST(:levels AS text[]))[1 + abs(hashtext(member_id::text || 'civil')) % :count], 'IMPORT',
                    'benchmark', now()
                FROM evaluation.fact_member WHERE civil_servant
                """).param("cycle", cycle.id()).param("levels", levels).param("count", levels.length).update();
        jdbc.sql("ANALYZE evaluation.self_assessment").update();
        jdbc.sql("ANALYZE evaluation.civil_service_rating").update();
    }

    private int ratedMembers(UUID run) {
        return jdbc.sql("SELECT count(*) FROM evaluation.rating WHERE run_id = :run AND subject = 'MEMBER'")
                .param("run", run).query(Integer.class).single();
    }

    private long organizationsRows() {
        long rows = 0;
        for (String table : ORGANIZATIONS_TABLES) {
            rows += jdbc.sql("SELECT count(*) FROM organizations." + table).query(Long.class).single();
        }
        return rows;
    }

    private static final List<String> ORGANIZATIONS_TABLES = List.of("agency", "organization", "member",
            "organization_period", "membership_period", "member_status_period", "role_period");

    /** The organizations module's rows, copied out to files and then timed as they are copied into bare tables. */
    private long rawCopyOfOrganizations(Path work) throws SQLException, IOException {
        long millis = 0;
        for (String table : ORGANIZATIONS_TABLES) {
            millis += RawCopy.table(dataSource, "organizations." + table, work).millis();
        }
        return millis;
    }

    /**
     * The run's rows, or its first million (by default) at the national scale: the rate is what is compared, and a
     * full national copy would need another 15 GB of file and table.
     */
    private Copied rawCopyOfRun(UUID run, Path work) throws SQLException, IOException {
        int limit = Integer.getInteger("cadre.benchmark.raw-copy-limit", 1_000_000);
        return RawCopy.of(dataSource, "SELECT * FROM evaluation.rating WHERE run_id = '" + run + "' LIMIT " + limit,
                "evaluation.rating", work);
    }

    private Job awaitJob(JobId id, Duration patience) {
        Job[] found = new Job[1];
        DemoCycleReady.until(() -> {
            found[0] = jobs.find(id).orElseThrow();
            return found[0].finished();
        }, patience);
        assertThat(found[0].state()).as("job %s: %s", found[0].kind(), found[0].problemKey())
                .isEqualTo(Job.State.SUCCEEDED);
        return found[0];
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static long perSecond(long count, long millis) {
        return millis == 0 ? 0 : Math.round(count * 1000.0 / millis);
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "n/a" : String.format("%.2f", (double) a / b);
    }
}
