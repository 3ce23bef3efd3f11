package org.cadre.ratingrules.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.facts.Share;
import org.cadre.ratingrules.pack.Manifest.ParameterDefinition;
import org.cadre.ratingrules.pack.Manifest.ParameterType;
import tools.jackson.databind.JsonNode;

/** Converts and checks parameter values against their declarations: type, range, the scale for levels. */
public final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * Checks overrides (for example from the parameter form or a scenario) against the manifest and returns the
     * defaults with the overrides applied; problems name the parameter.
     */
    public static Map<String, Object> apply(Manifest manifest, Map<String, ?> overrides, String file,
            List<PackProblem> problems) {
        Map<String, Object> values = manifest.defaults();
        Set<String> codes = new java.util.HashSet<>();
        manifest.scale().forEach(l -> codes.add(l.code()));
        overrides.forEach((name, raw) -> {
            ParameterDefinition definition = manifest.parameter(name).orElse(null);
            if (definition == null) {
                problems.add(PackProblem.of(file, 0, name, "parameter-unknown", "the pack declares no parameter '"
                        + name + "'", name));
                return;
            }
            JsonNode node = raw instanceof JsonNode json ? json : null;
            String text = node != null ? (node.isValueNode() ? node.asString() : null) : raw == null ? null : raw.toString();
            List<PackProblem> local = new ArrayList<>();
            Object value = convert(definition.type(), text, node, codes, name, definition.min(), definition.max(), local);
            local.forEach(p -> problems.add(new PackProblem(file, p.line(), p.location(), p.code(), p.arguments(),
                    p.message())));
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    /** A typed value, or {@code null} with a problem added. */
    static Object convert(ParameterType type, String text, JsonNode node, Set<String> scaleCodes, String path,
            Double min, Double max, List<PackProblem> problems) {
        String file = ManifestReader.FILE;
        if (text == null || text.isBlank()) {
            problems.add(PackProblem.of(file, 0, path, "parameter-empty", "needs a value"));
            return null;
        }
        String value = text.trim();
        switch (type) {
            case BOOLEAN -> {
                if (node != null && node.isBoolean()) {
                    return node.booleanValue();
                }
                if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                    return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
                }
                problems.add(PackProblem.of(file, 0, path, "parameter-boolean", "'" + value
                        + "' must be true or false", value));
                return null;
            }
            case DECIMAL, INTEGER -> {
                double number;
                try {
                    number = Double.parseDouble(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(PackProblem.of(file, 0, path, "parameter-number", "'" + value + "' must be a number",
                            value));
                    return null;
                }
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    problems.add(PackProblem.of(file, 0, path, "parameter-number", "'" + value + "' must be a number",
                            value));
                    return null;
                }
                if (type == ParameterType.INTEGER && number != Math.rint(number)) {
                    problems.add(PackProblem.of(file, 0, path, "parameter-integer", "'" + value
                            + "' must be a whole number", value));
                    return null;
                }
                if ((min != null && number < min) || (max != null && number > max)) {
                    String range = "[" + (min == null ? "" : ManifestReader.fmt(min)) + ", "
                            + (max == null ? "" : ManifestReader.fmt(max)) + "]";
                    problems.add(PackProblem.of(file, 0, path, "parameter-range", ManifestReader.fmt(number)
                            + " is outside the allowed range " + range, ManifestReader.fmt(number), range));
                    return null;
                }
                return type == ParameterType.INTEGER ? (Object) (int) number : (Object) number;
            }
            case SHARE -> {
                if (Share.outOfRange(value)) {
                    problems.add(PackProblem.of(file, 0, path, "parameter-share-range", "'" + value
                            + "' is outside 0..100%: a share is at most the whole", value));
                    return null;
                }
                return Share.parse(value).orElseGet(() -> {
                    problems.add(PackProblem.of(file, 0, path, "parameter-share", "'" + value
                            + "' is not a share: write a fraction (1/3), a percentage (20%) or a decimal (0.2)",
                            value));
                    return null;
                });
            }
            case LEVEL -> {
                if (!scaleCodes.isEmpty() && !scaleCodes.contains(value)) {
                    problems.add(PackProblem.of(file, 0, path, "level-unknown", "'" + value
                            + "' is not a level of the scale " + new java.util.TreeSet<>(scaleCodes), value,
                            new java.util.TreeSet<>(scaleCodes)));
                    return null;
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    /** Parameters whose value differs from the default, as text: what a parameter edit stores. */
    public static Map<String, String> changed(Manifest manifest, Map<String, Object> values) {
        Map<String, String> changed = new LinkedHashMap<>();
        manifest.parameters().forEach(p -> {
            Object value = values.get(p.name());
            if (value != null && !value.equals(p.defaultValue())) {
                changed.put(p.name(), String.valueOf(value));
            }
        });
        return changed;
    }
}
