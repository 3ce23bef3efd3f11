package org.cadre.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a listener has not handled yet, with why its last attempt failed when one did.
 *
 * @param attempts  how often the registry saw it fail or resubmitted it
 * @param errorType the type of the last exception, or {@code null} when none was recorded (still running, or the
 *                  failure happened before this instance started)
 */
public record IncompletePublication(UUID id, String listenerId, String eventType, Instant publishedAt, String status,
        int attempts, String errorType, String errorMessage, Instant failedAt) {

    /** The event's class without its package, for reading. */
    public String eventName() {
        return eventType.substring(Math.max(eventType.lastIndexOf('.'), eventType.lastIndexOf('$')) + 1);
    }
}
