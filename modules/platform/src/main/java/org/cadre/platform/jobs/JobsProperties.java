package org.cadre.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cadre.jobs.*}: how each instance serves the job table.
 *
 * @param workers      jobs one instance runs at the same time
 * @param maxQueued    jobs that may wait; more are refused with {@code platform.jobs-busy}
 * @param pollInterval how often an idle instance looks for queued work (a job submitted on the same instance
 *                     starts at once)
 * @param stale        a running job whose heartbeat is older than this has lost its instance and is failed
 * @param keep         finished jobs are deleted after this long
 */
@ConfigurationProperties("cadre.jobs")
record JobsProperties(@DefaultValue("2") int workers, @DefaultValue("20") int maxQueued,
        @DefaultValue("1s") Duration pollInterval, @DefaultValue("2m") Duration stale,
        @DefaultValue("7d") Duration keep) {
}
