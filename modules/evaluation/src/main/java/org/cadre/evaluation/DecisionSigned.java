package org.cadre.evaluation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * The competent level signed the list of a grassroots organization (its members, or its organizations): the level
 * of each subject as signed (null for one excluded or pending), how many depart from the proposal, who signed, when.
 *
 * @param kind       {@code MEMBER} or {@code ORGANIZATION}
 * @param competent  the organization whose committee decided
 */
public record DecisionSigned(UUID cycle, UUID decision, UUID organization, String kind, UUID competent,
        Map<UUID, String> levels, int departures, String by, Instant at) implements DomainEvent, Audited {

    public DecisionSigned {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    @Override
    public AuditLine audit() {
        return AuditLine.of("evaluation.decision-signed", decision, organization, kind, levels.size(), departures)
                .by(by);
    }
}
