package org.cadre.platform.events;

import org.cadre.platform.database.DatabaseOutage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health {@code WARNING} (answered with 200, ordered between DOWN and UP) while event publications stay incomplete
 * longer than {@code cadre.events.stale-after}: a listener fails on them and another module's view is behind. The
 * application keeps serving; an administrator looks at {@code /admin/publications}.
 */
@Component("eventPublications")
class PublicationsHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "Event publications are stuck: see /admin/publications");

    private final Publications publications;

    PublicationsHealth(Publications publications) {
        this.publications = publications;
    }

    @Override
    public Health health() {
        Publications.Stuck stuck;
        try {
            stuck = publications.stuck();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // the database is gone: component "db" says DOWN; this one cannot tell, and must not fail the endpoint
            return Health.unknown().withDetail("error", "database unreachable").build();
        }
        Health.Builder health = stuck.count() == 0 ? Health.up() : Health.status(WARNING);
        health.withDetail("stuck", stuck.count()).withDetail("staleAfter", publications.staleAfter().toString());
        if (stuck.oldest() != null) {
            health.withDetail("oldest", stuck.oldest().toString());
        }
        return health.build();
    }
}
