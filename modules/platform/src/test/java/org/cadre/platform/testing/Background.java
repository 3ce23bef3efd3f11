package org.cadre.platform.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until nothing writes in the background (queued or running jobs, event publications in flight, the demo's
 * cycle opening), so that rows counted around a call are the call's alone: a fuzz property calls this before its
 * first try and after any call that was accepted.
 */
public final class Background {

    private Background() {
    }

    public static void awaitIdle(JdbcClient jdbc) {
        try {
            Awaitility.await("background work done").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200)).until(() -> idle(jdbc));
        } catch (ConditionTimeoutException stillBusy) {
            // a listener that keeps failing: go on; a count that then moves names its table
        }
    }

    private static boolean idle(JdbcClient jdbc) {
        return Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().endsWith("demo-cycle"))
                && jdbc.sql("SELECT count(*) FROM jobs.job WHERE state IN ('QUEUED', 'RUNNING')")
                        .query(Integer.class).single() == 0
                && jdbc.sql("""
                        SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL
                          AND publication_date > now() - interval '10 minutes'
                          AND (status IS NULL OR status <> 'FAILED')
                        """).query(Integer.class).single() == 0;
    }
}
