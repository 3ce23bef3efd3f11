package org.cadre.platform;

/** The reasons the platform itself refuses a request. */
public enum PlatformRefusal implements Refusal {

    /** Too many jobs wait for an instance; try again later. */
    JOBS_BUSY(Outcome.BUSY, null),

    /** The event publication is not (or no longer) waiting for its listener. */
    PUBLICATION_UNKNOWN(Outcome.NOT_FOUND, "id"),

    /**
     * A text holds a character the text policy refuses ({@link Texts}): the field's label, the character as
     * {@code U+0000} and its 1-based position; the field is the problem's {@code field} property.
     */
    CHARACTER_NOT_ALLOWED(Outcome.INVALID, null),

    /**
     * A date or year entered outside the years Cadre accepts ({@link Dates}): the field's label, the year and the
     * range; the field is the problem's {@code field} property.
     */
    DATE_OUT_OF_RANGE(Outcome.INVALID, null),

    /**
     * Someone else saved the record after this edit was loaded ({@link Edits}): when, as a {@link Translatable}
     * ("at 14:05"); nothing was written and the other change is kept.
     */
    EDIT_CONFLICT(Outcome.CONFLICT, "version"),

    /** The version sent with an edit (the form's {@code version}, the {@code If-Match} tag) is not one. */
    VERSION_UNREADABLE(Outcome.BAD_REQUEST, "version");

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
