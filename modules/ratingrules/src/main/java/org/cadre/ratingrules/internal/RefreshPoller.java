package org.cadre.ratingrules.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Multi-instance refresh: every instance polls the activation generation (one indexed row) and reloads the active
 * packs when another instance raised it. A poll every 2 s (configurable) costs one tiny query; LISTEN/NOTIFY would
 * need a dedicated connection per instance and still a poll to recover missed notifications.
 */
@Component
class RefreshPoller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefreshPoller.class);

    private final RulePackService service;
    private final RatingRulesProperties properties;
    private ScheduledExecutorService executor;

    RefreshPoller(RulePackService service, RatingRulesProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = Math.max(100, properties.refreshInterval().toMillis());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-pack-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    void poll() {
        try {
            service.refresh(false);
        } catch (RuntimeException e) {
            log.warn("Rule pack refresh failed; retrying at the next poll: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
