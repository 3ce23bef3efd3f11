package org.cadre.platform;

import java.time.LocalDate;

/**
 * The one rule for dates and years a person or a program enters (effective dates, as-of dates, dates of birth and
 * admission, evaluation years): the year lies between {@link #MIN_YEAR} and {@link #MAX_YEAR}. Nothing Cadre keeps
 * is older than the oldest living member's birth, and evaluation cycles end at 2200 (their CHECK in the database);
 * a year 0, 9999 or 10000 is a typing mistake, refused as a field error
 * ({@link PlatformRefusal#DATE_OUT_OF_RANGE}) instead of being stored or failing deeper down.
 */
public final class Dates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;

    private Dates() {
    }

    /** The date as entered, or the refusal naming the field when its year is out of range; null stays null. */
    public static LocalDate entered(String field, LocalDate date) {
        if (date != null && !plausible(date.getYear())) {
            throw outOfRange(field, date.getYear());
        }
        return date;
    }

    /** The year as entered, or the refusal naming the field when it is out of range. */
    public static int year(String field, long year) {
        if (!plausible(year)) {
            throw outOfRange(field, year);
        }
        return (int) year;
    }

    public static boolean plausible(long year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /**
     * The refusal of a year out of range: the field by its label in the reader's language, the year, the range;
     * the field is the problem's {@code field} and the year its {@code year}.
     */
    public static Refused outOfRange(String field, long year) {
        String name = field == null ? "" : field;
        Translatable label = (messages, locale) -> messages.getMessage("form.field." + name, null, name, locale);
        // written as plain digits: a message format would write 10000 as "10,000" or "10.000"
        return new Refused(PlatformRefusal.DATE_OUT_OF_RANGE, label, String.valueOf(year), String.valueOf(MIN_YEAR),
                String.valueOf(MAX_YEAR)).with("field", name).with("year", year);
    }
}
