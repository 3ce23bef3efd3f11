package org.cadre.ratingrules;

import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A pack version no longer serves evaluations (replaced by another version, or retired by a person). */
public record RulePackRetired(String packId, int version, String actor) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("ratingrules.pack-retired", packId + " v" + version, null, packId, version).by(actor);
    }
}
