package org.cadre.platform.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cadre.platform.Dates;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Dates in forms as Vietnamese documents write them, whatever the browser's language: forms show a text field
 * {@code dd/mm/yyyy} (a browser's own date field shows mm/dd/yyyy to an English browser), and every date a page
 * sends is read as {@code d/M/yyyy} or ISO {@code yyyy-MM-dd} (links and bookmarks), with or without
 * {@code @DateTimeFormat}. A date that does not exist (31/02/2025) or a year of more than four digits is refused as
 * unreadable; a year out of the range Cadre accepts ({@link Dates}) as out of range ({@link RefusalAdvice} names
 * the parameter, which a formatter does not know).
 */
final class FormDates implements Formatter<LocalDate> {

    private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter READ = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        String value = text.strip();
        LocalDate date = null;
        try {
            if (DAY_FIRST.matcher(value).matches()) {
                date = LocalDate.parse(value, READ);
            } else if (ISO.matcher(value).matches()) {
                date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        if (date != null) {
            return Dates.entered("", date);
        }
        throw new ParseException("'" + value + "' is not a date written dd/mm/yyyy", 0);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return WRITE.format(date);
    }

    /** The same reading for parameters that carry {@code @DateTimeFormat} (ISO or a pattern). */
    static final class Annotated implements AnnotationFormatterFactory<DateTimeFormat> {

        private final FormDates dates = new FormDates();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return dates;
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            return dates;
        }
    }
}
