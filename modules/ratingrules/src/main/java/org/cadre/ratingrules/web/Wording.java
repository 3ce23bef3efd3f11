package org.cadre.ratingrules.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.ratingrules.ScenarioOutcome;
import org.springframework.context.MessageSource;

/**
 * What the rule pages say about outcomes, mismatches and numbers, in the reader's language: a level as
 * "label (code)", "excluded" and "pending" in words, each mismatch of a scenario from its code, decimals the
 * reader's way (0,8 in Vietnamese).
 */
final class Wording {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> levelLabels;

    Wording(MessageSource messages, Locale locale, Map<String, String> levelLabels) {
        this.messages = messages;
        this.locale = locale;
        this.levelLabels = levelLabels;
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A level code as "label (code)", excluded and pending in words, no rating as such. */
    String outcome(String code) {
        if (code == null || code.isEmpty() || "—".equals(code) || "null".equals(code)) {
            return message("ratingrules.outcome.none");
        }
        return switch (code) {
            case "excluded" -> message("ratingrules.outcome.excluded");
            case "pending" -> message("ratingrules.outcome.pending");
            default -> levelLabels.containsKey(code) ? levelLabels.get(code) + " (" + code + ")" : code;
        };
    }

    /** What did not hold, one line each; reports stored before mismatches had codes show their English lines. */
    List<String> mismatches(ScenarioOutcome.Expectation expectation) {
        if (expectation.mismatches().isEmpty()) {
            return expectation.problems();
        }
        List<String> lines = new ArrayList<>();
        for (ScenarioOutcome.Mismatch mismatch : expectation.mismatches()) {
            List<String> a = mismatch.arguments();
            lines.add(switch (mismatch.code()) {
                case "level" -> message("ratingrules.mismatch.level", outcome(a.get(0)), outcome(a.get(1)));
                case "cap" -> message("ratingrules.mismatch.cap", outcome(a.get(0)), outcome(a.get(1)));
                case "calibration" -> a.get(3).isEmpty()
                        ? message("ratingrules.mismatch.calibration-none", a.get(0), a.get(1), a.get(2))
                        : message("ratingrules.mismatch.calibration", a.get(0), a.get(1), a.get(2), a.get(3));
                default -> message("ratingrules.mismatch." + mismatch.code(), a.toArray());
            });
        }
        return lines;
    }

    /** The expected side of an expectation in words. */
    String expected(ScenarioOutcome.Expectation expectation) {
        ScenarioOutcome.CalibrationCheck check = expectation.calibration();
        if (check != null) {
            return check.expectedExcess() == null ? message("ratingrules.calibration.none")
                    : message("ratingrules.calibration.case", check.quota(), check.group(), check.expectedExcess());
        }
        return outcome(expectation.expected());
    }

    /** The actual side of an expectation in words. */
    String actual(ScenarioOutcome.Expectation expectation) {
        ScenarioOutcome.CalibrationCheck check = expectation.calibration();
        if (check != null) {
            return check.actualExcess() == null ? message("ratingrules.calibration.none")
                    : message("ratingrules.calibration.case", check.quota(), check.group(), check.actualExcess());
        }
        return outcome(expectation.actual());
    }

    /** A number the reader's way: 0,8 and 3.600 in Vietnamese. */
    String number(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** A decimal written in a parameter's text ("0.8") the reader's way. */
    String decimal(String text) {
        try {
            return number(Double.parseDouble(text));
        } catch (NumberFormatException | NullPointerException e) {
            return text == null ? "" : text;
        }
    }

    boolean english() {
        return locale.getLanguage().equals("en");
    }
}
