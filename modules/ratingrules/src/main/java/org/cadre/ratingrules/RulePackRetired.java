package org.cadre.ratingrules;

import org.jmolecules.event.types.DomainEvent;

/** A pack version no longer serves evaluations (replaced by another version, or retired by a person). */
public record RulePackRetired(String packId, int version, String actor) implements DomainEvent {
}
