package org.cadre.platform.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as a Vietnamese reader writes them, in every template: {@code #fmt.number(3600)} is "3.600" in
 * Vietnamese and "3,600" in English; {@code #fmt.date(d)} is dd/MM/yyyy in both (the format of Vietnamese
 * documents; an English reader of Vietnamese records reads it too). Years and codes are not numbers: print them as
 * they are.
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The offices' time zone: an instant (a run's end, a signature) is read as the clock on their wall. */
    private static final java.time.ZoneId OFFICE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final Locale locale;

    Formats(Locale locale) {
        this.locale = locale;
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        return NumberFormat.getNumberInstance("en".equals(locale.getLanguage()) ? Locale.ENGLISH
                : Locale.forLanguageTag("vi")).format(value);
    }

    public String date(LocalDate value) {
        return value == null ? "" : DATE.format(value);
    }

    /** An instant as dd/MM/yyyy HH:mm in Vietnam's time. */
    public String dateTime(java.time.Instant value) {
        return value == null ? "" : DATE_TIME.format(value.atZone(OFFICE));
    }

    /**
     * What a date field shows: a date as dd/MM/yyyy, the text a user typed (a refused form sent back) as typed,
     * nothing for none.
     */
    public String dateValue(Object value) {
        if (value instanceof LocalDate date) {
            return date(date);
        }
        return value == null ? "" : value.toString();
    }

    /** The date format forms use and accept ({@code dd/mm/yyyy}), for placeholders. */
    public String datePattern() {
        return "dd/mm/yyyy";
    }
}
