package org.cadre.ratingrules;

import java.util.List;
import org.jmolecules.event.types.DomainEvent;

/**
 * A pack version now serves the evaluations of its years and subjects.
 *
 * @param replacedVersion the version of the same pack it replaced, or {@code null}
 * @param yearTo          {@code null}: open-ended
 */
public record RulePackActivated(String packId, int version, Integer replacedVersion, int yearFrom, Integer yearTo,
        List<String> subjects, String actor) implements DomainEvent {
}
