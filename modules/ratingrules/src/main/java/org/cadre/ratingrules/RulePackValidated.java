package org.cadre.ratingrules;

import org.jmolecules.event.types.DomainEvent;

/** A pack version compiled and passed every scenario: it may be activated. */
public record RulePackValidated(String packId, int version, String author) implements DomainEvent {
}
