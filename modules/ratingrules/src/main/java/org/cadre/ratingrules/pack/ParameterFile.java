package org.cadre.ratingrules.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.PackProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The optional {@code parameters.yaml} of a pack: committee-set values that override the defaults of
 * {@code pack.yaml}, one {@code name: value} per line. The parameter form writes this file into a new version, so a
 * threshold changes without touching the manifest or a rule.
 */
public final class ParameterFile {

    public static final String FILE = "parameters.yaml";

    private ParameterFile() {
    }

    /** The effective parameter values: defaults with the file's overrides applied. */
    public static Map<String, Object> values(Manifest manifest, PackFiles files, List<PackProblem> problems) {
        return ParameterValues.apply(manifest, overrides(files, problems), FILE, problems);
    }

    /** The raw overrides of the file (empty when there is none). */
    public static Map<String, Object> overrides(PackFiles files, List<PackProblem> problems) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        String text = files.text(FILE);
        if (text == null || text.isBlank()) {
            return overrides;
        }
        JsonNode root;
        try {
            root = ManifestReader.tree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(PackProblem.of(FILE, line, "", "yaml-syntax", "not valid YAML: " + e.getOriginalMessage(),
                    e.getOriginalMessage()));
            return overrides;
        }
        if (root == null || root.isNull()) {
            return overrides;
        }
        if (!root.isObject()) {
            problems.add(PackProblem.of(FILE, 0, "", "required-mapping", "must be a mapping of parameter names to values"));
            return overrides;
        }
        root.properties().forEach(e -> overrides.put(e.getKey(), e.getValue()));
        return overrides;
    }

    /** The file's text for the given values (only those that differ from the defaults are written). */
    public static String write(Manifest manifest, Map<String, Object> values) {
        StringBuilder text = new StringBuilder(
                "# Values set by the committee; they override the defaults in pack.yaml.\n");
        ParameterValues.changed(manifest, values).forEach((name, value) -> {
            boolean quoted = manifest.parameter(name).map(p -> p.type() == Manifest.ParameterType.TEXT
                    || p.type() == Manifest.ParameterType.LEVEL || p.type() == Manifest.ParameterType.SHARE)
                    .orElse(true);
            text.append(name).append(": ")
                    .append(quoted ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value)
                    .append('\n');
        });
        return text.toString();
    }
}
