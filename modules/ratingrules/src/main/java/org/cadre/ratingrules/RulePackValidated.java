package org.cadre.ratingrules;

import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A pack version compiled and passed every scenario: it may be activated. */
public record RulePackValidated(String packId, int version, String author) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("ratingrules.pack-validated", packId + " v" + version, null, packId, version).by(author);
    }
}
