package org.cadre.supervision;

/** What a coordinating body's comment says overall. */
public enum Stance {
    POSITIVE,
    CONCERN,
    NEGATIVE
}
