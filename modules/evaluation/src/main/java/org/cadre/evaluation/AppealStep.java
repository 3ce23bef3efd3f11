package org.cadre.evaluation;

import java.time.Instant;

/**
 * One step of an appeal as the audit keeps it: filed (the grounds), a note of the re-examination, decided (the
 * reason). Steps are only ever added.
 */
public record AppealStep(Kind kind, String by, Instant at, String text) {

    public enum Kind {
        FILED,
        NOTE,
        DECIDED
    }
}
