package org.cadre.ratingrules.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.facts.Share;

/**
 * The parameter form: one row per parameter (label, input, unit, range, the legal reference beneath), grouped
 * under the headings of {@code pack.yaml}; decimals written and read the reader's way (0,8), shares as percentages
 * ("20" means 20%; a fraction such as 1/3 is kept as written, since one third has no exact percentage).
 */
final class ParameterForm {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    /** The research marks of parameter notes: [Q …] quoted, [S…] summarized, [I] inferred, [NF] not found. */
    static final Pattern SOURCE_MARK = Pattern.compile("\\[(?:Q|S|I|NF)(?![A-Za-z])[^\\]]*\\]");

    private ParameterForm() {
    }

    /** A heading and its parameters. */
    record Group(String heading, List<Row> rows) {
    }

    /**
     * One parameter as the form shows it.
     *
     * @param input the text of its input: what was typed, else its value the reader's way
     * @param unit  "%" for a share, the declared unit, or empty
     * @param range "from … to …", or empty
     */
    record Row(String name, String type, String label, String input, String unit, String range,
            String defaultValue, String article, List<String> choices, boolean checked) {

        public String id() {
            return "p-" + name;
        }

        public String field() {
            return "p." + name;
        }
    }

    static List<Group> groups(List<PackParameter> parameters, Map<String, String> typed, Wording wording) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (PackParameter p : parameters) {
            String heading = wording.english() ? p.groupEn() : p.groupVi();
            String key = heading == null ? "" : heading;
            String typedValue = typed.get("p." + p.name());
            String input = typedValue != null ? typedValue : shown(p, p.value(), wording);
            boolean checked = "boolean".equals(p.type())
                    && (typed.isEmpty() ? "true".equals(p.value()) : typedValue != null);
            String unit = "share".equals(p.type()) ? "%" : wording.english() ? p.unitEn() : p.unitVi();
            String range = p.min() == null && p.max() == null ? ""
                    : wording.message("ratingrules.parameters.between", wording.number(p.min()),
                            wording.number(p.max()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(p.name(), p.type(),
                    wording.english() ? p.labelEn() : p.labelVi(), input, unit == null ? "" : unit, range,
                    shown(p, p.defaultValue(), wording) + ("share".equals(p.type()) && !shown(p, p.defaultValue(),
                            wording).contains("/") ? "%" : ""), p.article(), p.choices(), checked));
        }
        List<Group> result = new ArrayList<>();
        groups.forEach((heading, rows) -> result.add(new Group(heading, rows)));
        return result;
    }

    /** A value in the form: a decimal the reader's way, a share as a percentage number when it has an exact one. */
    static String shown(PackParameter p, String value, Wording wording) {
        if (value == null) {
            return "";
        }
        return switch (p.type()) {
            case "decimal" -> wording.decimal(value);
            case "share" -> Share.parse(value).map(share -> percent(share, value, wording)).orElse(value);
            default -> value;
        };
    }

    private static String percent(Share share, String written, Wording wording) {
        return share.exactPercent().map(wording::number).orElse(written);
    }

    /**
     * The values of a submitted form for the registry: a checkbox is true when sent; a share written as a bare
     * number is a percentage; a decimal comma becomes a point.
     */
    static Map<String, String> values(List<PackParameter> parameters, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PackParameter p : parameters) {
            String value = form.get("p." + p.name());
            if ("boolean".equals(p.type())) {
                value = value == null ? "false" : "true";
            }
            if (value == null) {
                continue;
            }
            value = value.strip();
            if ("share".equals(p.type()) && PLAIN_NUMBER.matcher(value).matches()) {
                value = value + "%";
            } else if (("decimal".equals(p.type()) || "integer".equals(p.type()))
                    && PLAIN_NUMBER.matcher(value).matches()) {
                value = value.replace(',', '.');
            }
            values.put(p.name(), value);
        }
        return values;
    }

    /** The values as one line, to tell whether what is saved is what was previewed. */
    static String fingerprint(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(name).append('=').append(value).append(';'));
        return text.toString();
    }

    static boolean hasSourceMarks(List<PackParameter> parameters) {
        return parameters.stream().anyMatch(p -> p.article() != null && SOURCE_MARK.matcher(p.article()).find());
    }
}
