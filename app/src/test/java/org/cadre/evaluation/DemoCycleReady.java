package org.cadre.evaluation;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
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
            if (cycle.isPresent() && unfinished == 0 && partsDone == 3 && attendance > 0) {
                return cycle.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The demo's 2017 cycle and its facts are not ready: cycle " + cycle.isPresent()
                        + ", rebuilds unfinished " + unfinished + ", parts rebuilt " + partsDone + ", attendance rows "
                        + attendance);
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Waits for a condition, failing the test when it is not reached in time. */
    static void until(java.util.function.BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + patience);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
