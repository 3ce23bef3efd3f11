package org.cadre.ratingrules;

import java.util.List;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A pack version now serves the evaluations of its years and subjects.
 *
 * @param replacedVersion the version of the same pack it replaced, or {@code null}
 * @param yearTo          {@code null}: open-ended
 */
public record RulePackActivated(String packId, int version, Integer replacedVersion, int yearFrom, Integer yearTo,
        List<String> subjects, String actor) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("ratingrules.pack-activated", packId + " v" + version, null,
                packId, version, replacedVersion, yearFrom, yearTo).by(actor);
    }
}
