package org.cadre.platform;

/** The reasons the platform itself refuses a request. */
public enum PlatformRefusal implements Refusal {

    /** Too many jobs wait for an instance; try again later. */
    JOBS_BUSY(Outcome.BUSY, null),

    /** The event publication is not (or no longer) waiting for its listener. */
    PUBLICATION_UNKNOWN(Outcome.NOT_FOUND, "id");

    private final Outcome outcome;
    private final String field;

    PlatformRefusal(Outcome outcome, String field) {
        this.outcome = outcome;
        this.field = field;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String field() {
        return field;
    }
}
