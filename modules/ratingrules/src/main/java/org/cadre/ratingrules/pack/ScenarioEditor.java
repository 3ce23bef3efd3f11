package org.cadre.ratingrules.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.ScenarioOutcome;

/**
 * Edits a scenario file as text, line by line, so that what a committee wrote around it (comments, order, the
 * flow or block style of each entry) stays as it was: a scenario kept on the old value of a parameter gets that
 * value in its {@code parameters:} override; a scenario whose expectation follows a change gets its expectation line
 * rewritten. The YAML is never parsed and written back. A shape it cannot edit safely is a
 * {@link NotEditable}, and the caller offers the other choice.
 */
public final class ScenarioEditor {

    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s|$)");
    private static final Pattern KEY = Pattern.compile("([A-Za-z][\\w]*)\\s*:");
    private static final Pattern OUTCOME = Pattern.compile(
            "level\\s*:\\s*[\"']?[A-Za-z0-9_]+[\"']?|excluded\\s*:\\s*true|pending\\s*:\\s*true");

    private ScenarioEditor() {
    }

    /** The file cannot be edited this way: the reason, in English, for logs. */
    public static final class NotEditable extends RuntimeException {

        public NotEditable(String message) {
            super(message);
        }
    }

    /**
     * The scenario with these parameter values pinned in its {@code parameters:} override (each a YAML scalar as
     * it should be written: {@code 0.8}, {@code "1/2"}, {@code true}). A parameter the scenario already overrides
     * keeps its own value: the change does not reach it anyway.
     */
    public static String keepParameters(String text, Map<String, String> literals) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int at = topKey(lines, "parameters");
        if (at < 0) {
            int after = topKey(lines, "year");
            if (after < 0) {
                after = topKey(lines, "name");
            }
            Map<String, String> all = new LinkedHashMap<>(literals);
            lines.add(after + 1, "parameters: " + flow(List.of(), all));
            return joined(lines, text);
        }
        Matcher top = TOP_KEY.matcher(lines.get(at));
        top.matches();
        String rest = top.group(2).strip();
        if (rest.startsWith("{")) {
            int close = rest.lastIndexOf('}');
            if (close < 0) {
                throw new NotEditable("a parameters mapping over several lines");
            }
            String inner = rest.substring(1, close).strip();
            String trailing = rest.substring(close + 1);
            Set<String> present = keys(inner);
            Map<String, String> added = new LinkedHashMap<>(literals);
            added.keySet().removeAll(present);
            List<String> entries = inner.isEmpty() ? List.of() : List.of(inner);
            lines.set(at, "parameters: " + flow(entries, added) + trailing);
            return joined(lines, text);
        }
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new NotEditable("parameters is not a mapping");
        }
        // a block mapping: its entries are the indented lines below
        String indent = "  ";
        Set<String> present = new LinkedHashSet<>();
        int end = at + 1;
        for (; end < lines.size(); end++) {
            String line = lines.get(end);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                break;
            }
            if (present.isEmpty()) {
                indent = line.substring(0, line.length() - line.stripLeading().length());
            }
            Matcher key = KEY.matcher(line.strip());
            if (key.lookingAt()) {
                present.add(key.group(1));
            }
        }
        int insert = at + 1;
        for (Map.Entry<String, String> entry : literals.entrySet()) {
            if (!present.contains(entry.getKey())) {
                lines.add(insert++, indent + entry.getKey() + ": " + entry.getValue());
            }
        }
        return joined(lines, text);
    }

    /**
     * The scenario with each failed expectation of {@code outcome} rewritten to what the run produced: the level
     * (or {@code excluded: true}, {@code pending: true}), the reasons that are gone taken out of {@code reasons},
     * those now present taken out of {@code absentReasons}, the cap, a quota case's excess.
     *
     * @throws NotEditable when an expectation cannot be found or rewritten (a subject without a rating, a quota case
     *                     that appears or disappears, a list over several lines)
     */
    public static String updateExpectations(String text, ScenarioOutcome outcome) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (ScenarioOutcome.Expectation expectation : outcome.expectations()) {
            if (expectation.passed()) {
                continue;
            }
            if (expectation.mismatches().isEmpty()) {
                throw new NotEditable("an expectation without recorded mismatches");
            }
            if (expectation.calibration() != null) {
                updateCalibration(lines, expectation.calibration());
                continue;
            }
            int[] item = item(lines, "expect", "subject", expectation.subject());
            String block = String.join("\n", lines.subList(item[0], item[1]));
            for (ScenarioOutcome.Mismatch mismatch : expectation.mismatches()) {
                List<String> args = mismatch.arguments();
                block = switch (mismatch.code()) {
                    case "level" -> replaceOutcome(block, args.get(1));
                    case "reason-absent" -> removeFromList(block, "reasons", args.get(0));
                    case "reason-present" -> removeFromList(block, "absentReasons", args.get(0));
                    case "cap" -> replaceCap(block, args.get(1));
                    default -> throw new NotEditable("no rewrite for " + mismatch.code());
                };
            }
            List<String> edited = List.of(block.split("\n", -1));
            for (int i = item[1] - 1; i >= item[0]; i--) {
                lines.remove(i);
            }
            lines.addAll(item[0], edited);
        }
        return joined(lines, text);
    }

    private static void updateCalibration(List<String> lines, ScenarioOutcome.CalibrationCheck check) {
        if (check.expectedExcess() == null || check.actualExcess() == null) {
            throw new NotEditable("a quota case that appears or disappears");
        }
        int[] item = item(lines, "calibrations", "group", check.group());
        for (int i = item[0]; i < item[1]; i++) {
            Matcher excess = Pattern.compile("(excess\\s*:\\s*)\\d+").matcher(lines.get(i));
            if (excess.find()) {
                lines.set(i, excess.replaceFirst("$1" + check.actualExcess()));
                return;
            }
        }
        throw new NotEditable("no excess in the quota case of " + check.group());
    }

    private static String replaceOutcome(String block, String actual) {
        if (actual == null || actual.isBlank() || "—".equals(actual)) {
            throw new NotEditable("the subject has no rating");
        }
        String replacement = switch (actual) {
            case "excluded" -> "excluded: true";
            case "pending" -> "pending: true";
            default -> "level: " + actual;
        };
        Matcher outcome = OUTCOME.matcher(block);
        if (!outcome.find()) {
            throw new NotEditable("no level, excluded or pending line");
        }
        return block.substring(0, outcome.start()) + replacement + block.substring(outcome.end());
    }

    private static String replaceCap(String block, String actual) {
        if (actual == null || actual.isBlank() || "—".equals(actual) || "null".equals(actual)) {
            throw new NotEditable("the cap is gone");
        }
        Matcher cap = Pattern.compile("cap\\s*:\\s*[\"']?[A-Za-z0-9_]+[\"']?").matcher(block);
        if (!cap.find()) {
            throw new NotEditable("no cap");
        }
        return block.substring(0, cap.start()) + "cap: " + actual + block.substring(cap.end());
    }

    /** Takes {@code id} out of the flow list {@code key: [a, b]} of the block. */
    private static String removeFromList(String block, String key, String id) {
        Matcher list = Pattern.compile("(\\b" + key + "\\s*:\\s*)\\[([^\\]]*)\\]").matcher(block);
        if (!list.find()) {
            throw new NotEditable("no one-line " + key + " list");
        }
        List<String> kept = new ArrayList<>();
        for (String entry : list.group(2).split(",")) {
            String bare = entry.strip().replaceAll("^[\"']|[\"']$", "");
            if (!bare.isEmpty() && !bare.equals(id)) {
                kept.add(entry.strip());
            }
        }
        return block.substring(0, list.start()) + list.group(1) + "[" + String.join(", ", kept) + "]"
                + block.substring(list.end());
    }

    /** The lines [from, to) of the item of a top-level list whose {@code field} is {@code value}. */
    private static int[] item(List<String> lines, String section, String field, String value) {
        int at = topKey(lines, section);
        if (at < 0) {
            throw new NotEditable("no " + section + " list");
        }
        Pattern match = Pattern.compile("\\b" + field + "\\s*:\\s*[\"']?" + Pattern.quote(value)
                + "[\"']?\\s*(,|}|$)");
        Integer indent = null;
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (code(line).isBlank()) {
                continue;
            }
            Matcher dash = ITEM.matcher(line);
            if (!dash.lookingAt()) {
                if (indentOf(line) == 0) {
                    break; // the next top-level key: the list ended
                }
                continue;
            }
            if (indent == null) {
                indent = dash.group(1).length();
            }
            if (dash.group(1).length() != indent) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && (code(lines.get(end)).isBlank() || indentOf(lines.get(end)) > indent)) {
                end++;
            }
            for (int j = i; j < end; j++) {
                if (match.matcher(code(lines.get(j))).find()) {
                    return new int[] {i, end};
                }
            }
        }
        throw new NotEditable("no item with " + field + " " + value);
    }

    /** A line without its comment (a '#' after a space; scenario names with '#' inside quotes are rare). */
    private static String code(String line) {
        return line.strip().startsWith("#") ? "" : line.replaceFirst("\\s#.*$", "");
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static int topKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher top = TOP_KEY.matcher(lines.get(i));
            if (top.matches() && top.group(1).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> keys(String flowInner) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : flowInner.split(",")) {
            Matcher key = KEY.matcher(entry.strip());
            if (key.lookingAt()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    private static String flow(List<String> existing, Map<String, String> added) {
        List<String> entries = new ArrayList<>(existing);
        added.forEach((name, value) -> entries.add(name + ": " + value));
        return entries.isEmpty() ? "{ }" : "{ " + String.join(", ", entries) + " }";
    }

    private static String joined(List<String> lines, String original) {
        return String.join("\n", lines) + (original.endsWith("\n") ? "\n" : "");
    }
}
