package org.cadre.evaluation;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bloc's 2017 cycle of the demo, once the demo opened it and evaluation rebuilt the year's facts from the three
 * bulk loads (the tree's, the commitments' and the supervision's): a run before that would rate on whatever facts
 * happened to be there. For the application tests that classify the demo year.
 */
final class DemoCycleReady {

    static final int YEAR = 2017;
    static final Caller STAFF = Caller.of("demo-tests", Role.EVALUATOR);

    private DemoCycleReady() {
    }

    static CycleView await(Cycles cycles, Organizations organizations, JdbcClient jdbc) {
        UUID bloc = organizations.bloc().map(OrganizationSummary::id).orElseThrow().value();
        return Awaitility.await("the demo's 2017 cycle and its rebuilt facts").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ready(cycles, jdbc, bloc), Optional::isPresent).orElseThrow();
    }

    /** The cycle, once it is open and the three rebuilds have run; empty before. */
    private static Optional<CycleView> ready(Cycles cycles, JdbcClient jdbc, UUID bloc) {
        Optional<CycleView> cycle = cycles.list(STAFF).stream()
                .filter(c -> c.year() == YEAR && c.scope().equals(bloc)).findFirst();
        int unfinished = jdbc.sql("SELECT count(*) FROM jobs.job WHERE kind = 'evaluation.rebuild-facts' "
                + "AND state IN ('QUEUED', 'RUNNING')").query(Integer.class).single();
        int partsDone = jdbc.sql("""
                SELECT count(DISTINCT part) FROM jobs.job,
                  unnest(ARRAY['ORGANIZATIONS', 'COMMITMENTS', 'SUPERVISION']) AS part
                WHERE kind = 'evaluation.rebuild-facts' AND state = 'SUCCEEDED' AND parameters LIKE '%' || part || '%'
                """).query(Integer.class).single();
        int attendance = jdbc.sql("SELECT count(*) FROM evaluation.fact_attendance WHERE year = ?").param(YEAR)
                .query(Integer.class).single();
        return unfinished == 0 && partsDone == 3 && attendance > 0 ? cycle : Optional.empty();
    }

    /** Waits for a condition, failing the test when it is not reached in time. */
    static void until(java.util.function.BooleanSupplier condition, Duration patience) {
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
