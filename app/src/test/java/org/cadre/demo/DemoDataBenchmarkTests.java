package org.cadre.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark (tag {@code benchmark}, so the default suite never runs it): generates the province or national data
 * set with COPY into a fresh database and reports rows per second and the peak heap. Run it on its own:
 *
 * <pre>
 * ./mvnw -B -Pbenchmarks verify -pl app -am -Dtest=DemoDataBenchmarkTests \
 *     -Dcadre.benchmark.scale=province            # or national
 *     -Dcadre.benchmark.grassroots=5000           # optional: only the first n grassroots organizations
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
        long rows = jdbc.sql("""
                SELECT (SELECT count(*) FROM organizations.member) + (SELECT count(*) FROM organizations.organization)
                     + (SELECT count(*) FROM organizations.agency) + (SELECT count(*) FROM organizations.membership_period)
                     + (SELECT count(*) FROM organizations.member_status_period)
                     + (SELECT count(*) FROM organizations.organization_period)
                     + (SELECT count(*) FROM organizations.role_period)
                """).query(Long.class).single();
        log.info("""

                BENCHMARK {} ({} of {} grassroots): {} organizations, {} members in {} s
                  {} members/s, {} table rows in all ({} rows/s), peak heap used {} MB (max heap {} MB)""",
                scale.name(), grassroots, scale.grassroots(), organizations, members, String.format("%.1f", seconds),
                Math.round(members / seconds), rows, Math.round(rows / seconds), peak.get() / (1024 * 1024),
                memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
    }
}
