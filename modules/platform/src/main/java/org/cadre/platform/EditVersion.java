package org.cadre.platform;

import java.util.Locale;

/**
 * The version of a record as an edit form or an API client loaded it: pages send it back as the hidden field
 * {@code version}, API clients as the entity tag of {@code If-Match} ({@code If-Match: "3"}, the {@code ETag} the
 * record's GET answered). A controller takes it as a parameter (the platform reads it from either) and hands it to
 * the module's facade, which checks it with {@link Edits#claim} in the transaction of the change.
 *
 * @param value the version; 0 for a record never edited
 */
public record EditVersion(long value) {

    /** A version as a page field or an entity tag writes it ({@code 3}, {@code "3"}, {@code W/"3"}); null if blank. */
    public static EditVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String tag = text.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long value = Long.parseLong(tag);
            if (value < 0) {
                throw new NumberFormatException(tag);
            }
            return new EditVersion(value);
        } catch (NumberFormatException e) {
            throw new Refused(PlatformRefusal.VERSION_UNREADABLE, text.length() > 40 ? text.substring(0, 40) : text);
        }
    }

    /** The strong entity tag an API answers with in {@code ETag}: {@code "3"}. */
    public String etag() {
        return "\"" + value + "\"";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d", value);
    }
}
