package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Role;
import org.cadre.organizations.Organizations;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The year-end run at the seed scale, database to database, warm: the demo bloc's 2017 cycle (the demo year's
 * commitments and supervision, the 2014-2017 pack; 2,428 members were on the 2017 rolls) and a 2025 cycle of the
 * same bloc (all 3,600 members, the 2025 pack), each run once to warm up and then five times. The figure is the
 * job's own (facts read, inputs laid, rules, rows prepared, COPY, the cycle switched), from its result; the log line
 * of the run has the stages. Prints {@code CLASSIFICATION-BENCHMARK:} lines; asserts only that every run rated the
 * bloc.
 */
@CadreTest
@Tag("benchmark")
class ClassificationRunBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(ClassificationRunBenchmarkTests.class);
    private static final Caller STAFF = Caller.of("benchmark", Role.EVALUATOR);

    @Autowired
    Cycles cycles;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    @Test
    void theSeedBlocIsClassifiedFromTheDatabaseToTheDatabase() {
        CycleView demo = DemoCycleReady.await(cycles, organizations, jdbc);
        CycleView latest = cycles.list(STAFF).stream().filter(c -> c.year() == 2025).findFirst()
                .orElseGet(() -> cycles.open(new OpenCycle(2025, demo.scope()), STAFF));
        for (CycleView cycle : List.of(demo, latest)) {
            List<Long> millis = new ArrayList<>();
            int members = 0;
            for (int i = 0; i < 6; i++) {
                JobId job = cycles.classify(cycle.id(), STAFF);
                Job done = awaitJob(job);
                @SuppressWarnings("unchecked")
                Map<String, Object> result = jobs.result(done, Map.class).orElseThrow();
                members = ((Number) result.get("members")).intValue();
                if (i > 0) {
                    millis.add(((Number) result.get("millis")).longValue());
                }
            }
            assertThat(members).isGreaterThan(2_000);
            log.info("CLASSIFICATION-BENCHMARK: {} cycle, {} members: warm runs {} ms (best {} ms)", cycle.year(),
                    members, millis, millis.stream().mapToLong(Long::longValue).min().orElse(0));
        }
    }

    private Job awaitJob(JobId id) {
        Job[] found = new Job[1];
        DemoCycleReady.until(() -> {
            found[0] = jobs.find(id).orElseThrow();
            return found[0].finished();
        }, Duration.ofMinutes(2));
        assertThat(found[0].state()).isEqualTo(Job.State.SUCCEEDED);
        return found[0];
    }
}
