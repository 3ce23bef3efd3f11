package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.internal.whatif.WhatIf;
import org.cadre.evaluation.internal.whatif.WhatIfComparison;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackRefusals;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What-if at the seed scale: the demo bloc's 2017 cycle classified once, then its stored facts rated again
 * synchronously with the cycle's own version (nothing changes) and with a version whose minimum commitment share is
 * raised from 50 % to 90 % (members change), once to warm up and then five times each. Prints
 * {@code WHATIF-BENCHMARK:} lines; asserts that the own version changes nothing and the raised share changes someone.
 */
@CadreTest
@Tag("benchmark")
class WhatIfBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(WhatIfBenchmarkTests.class);

    @Autowired
    Cycles cycles;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;
    @Autowired
    WhatIf whatIf;
    @Autowired
    RulePackRegistry registry;

    @Test
    void theSeedBlocsYearIsRatedAgainSynchronously() {
        CycleView demo = DemoCycleReady.await(cycles, organizations, jdbc);
        JobId job = cycles.classify(demo.id(), DemoCycleReady.STAFF);
        DemoCycleReady.until(() -> jobs.find(job).orElseThrow().finished(), Duration.ofMinutes(2));
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(Job.State.SUCCEEDED);
        int raised;
        try {
            raised = registry.changeParameters(demo.packId(), demo.packVersion(),
                    Map.of("minCommitmentShare", "90%"), "benchmark").version();
        } catch (Refused scenariosBroken) {
            raised = PackRefusals.draftVersion(scenariosBroken); // stored as a draft: it still rates
        }
        for (int version : List.of(demo.packVersion(), raised)) {
            List<Long> millis = new ArrayList<>();
            WhatIfComparison last = null;
            for (int i = 0; i < 6; i++) {
                last = whatIf.compare(demo.id(), demo.packId(), version, DemoCycleReady.STAFF);
                if (i > 0) {
                    millis.add(last.millis());
                }
            }
            int rated = last.before().values().stream().flatMap(m -> m.values().stream())
                    .mapToInt(Integer::intValue).sum();
            if (version == demo.packVersion()) {
                assertThat(last.changes()).isEmpty();
            } else {
                assertThat(last.changes()).isNotEmpty();
            }
            log.info("WHATIF-BENCHMARK: 2017 cycle, {} v{}: {} subjects rated again, {} change: warm {} ms (best {}"
                    + " ms)", demo.packId(), version, rated, last.changes().size(), millis,
                    millis.stream().mapToLong(Long::longValue).min().orElse(0));
        }
    }
}
