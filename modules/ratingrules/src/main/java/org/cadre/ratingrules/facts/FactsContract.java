package org.cadre.ratingrules.facts;

/** The version of the facts contract. A pack declares the version it was written for in {@code pack.yaml}. */
public final class FactsContract {

    /** Raised when a field is removed or changes meaning; adding a field keeps the version. */
    public static final int VERSION = 1;

    private FactsContract() {
    }
}
