package org.cadre.platform.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health component {@code requests}: requests running longer than {@code cadre.requests.stuck-after} (default 60 s)
 * make health {@code WARNING} (still HTTP 200: the server answers, but look); when they hold half the server's worker
 * threads or more it is {@code DOWN} (503), so a load balancer sends the traffic elsewhere and a supervisor may
 * restart it before nothing is answered at all. Details (to administrators) name the oldest.
 */
class StuckRequestsHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "Requests are stuck: see the details of health component "
            + "'requests' and a thread dump (jcmd <pid> Thread.print)");

    private final RequestsInFlight requests;
    private final Duration stuckAfter;
    private final int workerThreads;

    StuckRequestsHealth(RequestsInFlight requests, Duration stuckAfter, int workerThreads) {
        this.requests = requests;
        this.stuckAfter = stuckAfter;
        this.workerThreads = workerThreads;
    }

    @Override
    public Health health() {
        List<RequestsInFlight.Running> stuck = requests.longerThan(stuckAfter);
        Health.Builder health = stuck.isEmpty() ? Health.up()
                : stuck.size() * 2 >= workerThreads ? Health.down() : Health.status(WARNING);
        health.withDetail("inFlight", requests.count()).withDetail("stuck", stuck.size())
                .withDetail("stuckAfter", stuckAfter.toString()).withDetail("workerThreads", workerThreads);
        if (!stuck.isEmpty()) {
            RequestsInFlight.Running oldest = stuck.get(0);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("request", oldest.method() + " " + oldest.path());
            detail.put("thread", oldest.thread());
            detail.put("seconds", oldest.elapsed().toSeconds());
            health.withDetail("oldest", detail);
        }
        return health.build();
    }
}
