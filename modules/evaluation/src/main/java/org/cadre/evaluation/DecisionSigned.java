package org.cadre.evaluation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * The competent level signed the list of a grassroots organization (its members, or its organizations): the level
 * of each subject as signed (null for one excluded or pending), how many depart from the proposal, who signed, when.
 *
 * @param kind       {@code MEMBER} or {@code ORGANIZATION}
 * @param competent  the organization whose committee decided
 */
public record DecisionSigned(UUID cycle, UUID decision, UUID organization, String kind, UUID competent,
        Map<UUID, String> levels, int departures, String by, Instant at) implements DomainEvent {

    public DecisionSigned {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }
}
