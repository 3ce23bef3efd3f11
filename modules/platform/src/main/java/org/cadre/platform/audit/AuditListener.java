package org.cadre.platform.audit;

import org.cadre.platform.AuditTrail;
import org.cadre.platform.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link Audited} event as it is published: a plain, synchronous listener, so it runs on the
 * publishing thread inside the publishing transaction (not after commit, as the modules' listeners do). If the
 * change rolls back, so does its line; if the line cannot be written, the change fails with it.
 */
@Component
class AuditListener {

    private final AuditTrail trail;

    AuditListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(Audited event) {
        trail.record(event.audit());
    }
}
