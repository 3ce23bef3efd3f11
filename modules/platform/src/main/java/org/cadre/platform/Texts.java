package org.cadre.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one text policy of Cadre, applied where text enters: JSON bodies of the API, form fields and request
 * parameters of pages and API, and the cells of an imported spreadsheet. A text is
 * <ul>
 * <li>refused, naming the character and its position, when it holds a character that has no place in a name, a
 * reason or a rule: a control character other than tab, line feed and carriage return (NUL included: PostgreSQL
 * cannot store it), DEL, a C1 control, a bidirectional embedding, override or isolate (they make a text read
 * otherwise than it is stored), a lone surrogate or a noncharacter;</li>
 * <li>cleaned of invisible format characters that carry no meaning in Vietnamese or English texts (zero-width
 * space, zero-width joiner and non-joiner, word joiner, byte order mark, soft hyphen, left-to-right, right-to-left
 * and Arabic letter marks): pasted from a web page or a word processor, they only make equal texts differ;</li>
 * <li>given line feeds for line ends (CR LF, CR, U+2028 and U+2029 alike), composed to Unicode NFC (a name typed
 * on one keyboard equals the same name typed on another) and trimmed of white space at both ends, no-break
 * spaces included.</li>
 * </ul>
 * Passwords are never touched: a field whose name says it holds one ({@link #isSecret}) is taken as sent.
 */
public final class Texts {

    private Texts() {
    }

    /** A character a text may not hold, and where: its 1-based position in the text as sent, in characters. */
    public record Flaw(int codePoint, int position) {

        /** The character as {@code U+0000}. */
        public String character() {
            return String.format(Locale.ROOT, "U+%04X", codePoint);
        }
    }

    /**
     * The text as Cadre stores it, or a {@link Refused} ({@link PlatformRefusal#CHARACTER_NOT_ALLOWED}) naming the
     * field, the character and its position, with the field as the problem's {@code field}. {@code null} stays
     * {@code null}; a secret field is returned as sent.
     */
    public static String clean(String field, String text) {
        if (text == null || isSecret(field)) {
            return text;
        }
        Optional<Flaw> flaw = flaw(text);
        if (flaw.isPresent()) {
            throw refusal(field, flaw.get());
        }
        return normalized(text);
    }

    /** The refusal of a text for its first flaw: the field by its label in the reader's language. */
    public static Refused refusal(String field, Flaw flaw) {
        String name = field == null ? "" : field;
        Translatable label = (messages, locale) -> messages.getMessage("form.field." + name, null, name, locale);
        return new Refused(PlatformRefusal.CHARACTER_NOT_ALLOWED, label, flaw.character(), flaw.position())
                .with("field", name);
    }

    /** The first character the text may not hold, if any. */
    public static Optional<Flaw> flaw(String text) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            if (refused(c)) {
                return Optional.of(new Flaw(c, position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Whether a field holds a secret (a password) that must reach its check exactly as typed. */
    public static boolean isSecret(String field) {
        return field != null && field.toLowerCase(Locale.ROOT).contains("password");
    }

    /** The text with line ends as line feeds, without invisible marks, in NFC and trimmed; it has no flaw. */
    static String normalized(String text) {
        if (plain(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                kept.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                kept.append('\n');
            } else if (!invisible(c)) {
                kept.append(c);
            }
        }
        String composed = Normalizer.normalize(kept, Normalizer.Form.NFC);
        int start = 0;
        int end = composed.length();
        while (start < end && blank(composed.charAt(start))) {
            start++;
        }
        while (end > start && blank(composed.charAt(end - 1))) {
            end--;
        }
        return composed.substring(start, end);
    }

    /** Printable ASCII without space at either end: nothing to do (most texts, most cells). */
    private static boolean plain(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return text.charAt(0) != ' ' && text.charAt(length - 1) != ' ';
    }

    private static boolean refused(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || (c >= 0xD800 && c <= 0xDFFF)
                || (c >= 0xFDD0 && c <= 0xFDEF)
                || (c & 0xFFFE) == 0xFFFE;
    }

    private static boolean invisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
