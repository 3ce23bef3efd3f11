package org.cadre.supervision;

/** What a finding says: a strength, a shortcoming or a violation. Only the last two may require a remedy. */
public enum FindingNature {
    STRENGTH,
    SHORTCOMING,
    VIOLATION
}
