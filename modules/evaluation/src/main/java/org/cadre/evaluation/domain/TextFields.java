package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.REASON_REQUIRED;
import static org.cadre.evaluation.EvaluationRefusal.REASON_TOO_LONG;

import org.cadre.platform.Refusal;
import org.cadre.platform.Refused;

/**
 * How a transition reads what a person typed: stripped, blank as nothing written, and no longer than its limit (the
 * refusal leaves the object unchanged because every transition checks before it changes anything).
 */
final class TextFields {

    private TextFields() {
    }

    /** The text stripped; null when nothing but blanks was given. */
    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** An optional text: stripped, null when blank, refused with {@code tooLong} when longer than {@code max}. */
    static String optional(String value, int max, Refusal tooLong, Object... arguments) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            throw new Refused(tooLong, arguments);
        }
        return text;
    }

    /** A reason that must be given: stripped, refused when blank or longer than {@code max}. */
    static String requiredReason(String value, int max) {
        String text = blankToNull(value);
        if (text == null) {
            throw new Refused(REASON_REQUIRED);
        }
        if (text.length() > max) {
            throw new Refused(REASON_TOO_LONG, String.valueOf(max));
        }
        return text;
    }
}
