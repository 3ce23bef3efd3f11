package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.cadre.support.RawCopy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark (tag {@code benchmark}, so the default suite never runs it): generates the province or national data
 * set with COPY into a fresh database and reports rows per second and the peak heap; then, in the same run, the raw
 * COPY time of the rows it wrote (each organizations table's rows copied out to a file, then timed as they are copied
 * into a bare table of the same columns: no keys, no indexes, no checks) and the ratio generator / raw COPY (issue
 * 14 asks for at most 2). Run it on its own:
 *
 * <pre>
 * ./mvnw -B -Pbenchmarks verify -pl app -am -Dtest=DemoDataBenchmarkTests \
 *     -Dcadre.benchmark.scale=province            # or national
 *     -Dcadre.benchmark.grassroots=5000           # optional: only the first n grassroots organizations
 *     -Dcadre.benchmark.dump=/tmp/rows.txt        # optional: every row written, to compare two builds
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(properties = {"cadre.demo-data.enabled=false", "spring.main.banner-mode=off"})
class DemoDataBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(DemoDataBenchmarkTests.class);

    @Autowired
    BulkLoad bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    /** Every table the bulk load writes. */
    private static final List<String> TABLES = List.of("agency", "organization", "organization_period", "member",
            "membership_period", "member_status_period", "role_period");

    @Test
    void generate() throws Exception {
        Scale scale = Scale.named(System.getProperty("cadre.benchmark.scale", "province"));
        int grassroots = Integer.getInteger("cadre.benchmark.grassroots", scale.grassroots());
        int batch = Integer.getInteger("cadre.benchmark.batch", 500);
        BlocGenerator generator = new BlocGenerator(2017, scale);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);

        long started = System.nanoTime();
        long organizations = 0;
        long members = 0;
        for (int from = 0; from < grassroots; from += batch) {
            int to = Math.min(grassroots, from + batch);
            int first = from;
            OrganizationsBulkLoaded loaded = bulk.load(sink -> generator.write(sink, first, to), false);
            organizations += loaded.organizations();
            members += loaded.members();
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("{}: {} of {} grassroots, {} members, {} s, {} members/s, peak heap {} MB", scale.name(), to,
                    grassroots, members, String.format("%.1f", seconds), Math.round(members / seconds),
                    peak.get() / (1024 * 1024));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        long rows = 0;
        for (String table : TABLES) {
            rows += jdbc.sql("SELECT count(*) FROM organizations." + table).query(Long.class).single();
        }
        log.info("""

                BENCHMARK {} ({} of {} grassroots): {} organizations, {} members in {} s
                  {} members/s, {} table rows in all ({} rows/s), peak heap used {} MB (max heap {} MB)""",
                scale.name(), grassroots, scale.grassroots(), organizations, members, String.format("%.1f", seconds),
                Math.round(members / seconds), rows, Math.round(rows / seconds), peak.get() / (1024 * 1024),
                memory.getHeapMemoryUsage().getMax() / (1024 * 1024));

        // every row written, in a stable order and without the periods' generated ids: two builds' files are
        // equal when they write the same rows (how the bulk load's rewrite was checked)
        String dump = System.getProperty("cadre.benchmark.dump");
        if (dump != null) {
            try (Connection c = dataSource.getConnection(); var out = Files.newBufferedWriter(Path.of(dump))) {
                for (String table : TABLES) {
                    String json = table.endsWith("membership_period") || table.endsWith("status_period")
                            ? "to_jsonb(t) - 'id'" : "to_jsonb(t)";
                    c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT '" + table + "', (" + json
                            + ")::text FROM organizations." + table + " t ORDER BY 2) TO STDOUT", out);
                }
            }
        }
        long rawMillis = 0;
        long rawRows = 0;
        Path work = Files.createTempDirectory("demo-raw-copy");
        try {
            for (String table : TABLES) {
                RawCopy.Copied copied = RawCopy.table(dataSource, "organizations." + table, work);
                rawMillis += copied.millis();
                rawRows += copied.rows();
            }
        } finally {
            Files.deleteIfExists(work);
        }
        assertThat(rawRows).isEqualTo(rows);
        log.info("""

                BENCHMARK {} raw COPY of the same {} rows into bare tables: {} s ({} rows/s); \
                generator / raw COPY = {}""", scale.name(), rawRows, String.format("%.2f", rawMillis / 1000.0),
                Math.round(rawRows * 1000.0 / Math.max(1, rawMillis)),
                String.format("%.2f", seconds * 1000 / Math.max(1, rawMillis)));
    }
}
