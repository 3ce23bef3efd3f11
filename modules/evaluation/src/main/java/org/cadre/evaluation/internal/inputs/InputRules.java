package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.supervision.Stance;

/** The checks every entry of a cycle's inputs passes, the same for a page, the API and the import. */
public final class InputRules {

    /**
     * The score of the general criteria group of a scored regime (QĐ 366: 0 to 30), entered like a criterion. It is
     * offered only when the pinned pack declares its maximum as the parameter {@value #MAX_GENERAL_PARAMETER}.
     */
    public static final String SCORE_GENERAL = "SCORE_GENERAL";

    /** The score of the task-result criteria group (QĐ 366: 0 to 70); maximum {@value #MAX_TASK_PARAMETER}. */
    public static final String SCORE_TASK = "SCORE_TASK";

    static final String MAX_GENERAL_PARAMETER = "maxScoreGeneral";
    static final String MAX_TASK_PARAMETER = "maxScoreTask";

    /** The longest residence comment kept (the column's size). */
    public static final int MAX_TEXT = 4000;

    private InputRules() {
    }

    /**
     * The level of a scale that a text names: its code, or its label in either language, ignoring case, diacritics
     * and spaces ("hoàn thành tốt nhiệm vụ", "HTTNV", "httnv").
     */
    static Optional<Level> level(List<Level> scale, String text) {
        String wanted = fold(text);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return scale.stream().filter(level -> fold(level.code()).equals(wanted)
                || level.label().values().stream().anyMatch(label -> fold(label).equals(wanted))).findFirst();
    }

    /** A level of the scale, or refused with {@code LEVEL_NOT_IN_SCALE} listing the scale's codes. */
    static Level requireLevel(List<Level> scale, String text) {
        return level(scale, text).orElseThrow(() -> new Refused(EvaluationRefusal.LEVEL_NOT_IN_SCALE,
                text == null ? "" : text.strip(), codes(scale)));
    }

    static String codes(List<Level> scale) {
        return String.join(", ", scale.stream().map(Level::code).toList());
    }

    /** Months of sick leave: 0 to 12 in half-month steps. */
    static BigDecimal requireSickLeave(BigDecimal months) {
        if (months == null || months.signum() < 0 || months.compareTo(BigDecimal.valueOf(12)) > 0
                || months.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            throw new Refused(EvaluationRefusal.SICK_LEAVE_OUT_OF_RANGE, months == null ? "" : months.toPlainString());
        }
        return months.setScale(1, java.math.RoundingMode.UNNECESSARY);
    }

    static Stance requireStance(String text) {
        if (text != null) {
            for (Stance stance : Stance.values()) {
                if (stance.name().equalsIgnoreCase(text.strip())) {
                    return stance;
                }
            }
        }
        throw new Refused(EvaluationRefusal.STANCE_UNKNOWN, text == null ? "" : text);
    }

    /** A residence comment is received in the evaluation year (the chapter asks for it before its review). */
    static LocalDate requireInYear(LocalDate date, int year) {
        if (date == null || date.getYear() != year) {
            throw new Refused(EvaluationRefusal.DATE_OUT_OF_YEAR, date == null ? "" : date, String.valueOf(year));
        }
        return date;
    }

    static String requireText(String text) {
        String stripped = text == null ? null : text.strip();
        if (stripped != null && stripped.length() > MAX_TEXT) {
            throw new Refused(EvaluationRefusal.TEXT_TOO_LONG, String.valueOf(MAX_TEXT));
        }
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** Lower case, without diacritics or spaces, đ as d: "Hoàn thành  tốt" and "hoan thanh tot" fold alike. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isWhitespace(c) || c == '_') {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c);
        }
        return out.toString();
    }

    /** A person's name folded for comparison: diacritics and case ignored, single spaces kept between words. */
    static String foldName(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        for (String word : decomposed.strip().split("\\s+")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            word.chars().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                    .forEach(c -> out.append(c == 'đ' ? 'd' : (char) c));
        }
        return out.toString();
    }
}
