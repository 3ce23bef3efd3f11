package org.cadre.ratingrules.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.facts.FactsContract;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.Manifest.Criterion;
import org.cadre.ratingrules.pack.Manifest.Level;
import org.cadre.ratingrules.pack.Manifest.ParameterDefinition;
import org.cadre.ratingrules.pack.Manifest.ParameterType;
import org.cadre.ratingrules.pack.Manifest.Quota;
import org.cadre.ratingrules.pack.Manifest.QuotaGroup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code pack.yaml} and checks it against the manifest's schema, which is written out here as code rather
 * than as a JSON Schema document because most of its rules cross fields (a quota's level must be in the scale, its
 * share must name a decimal parameter, a default must lie in its range) and every message must name the exact
 * path: {@code scale[2].rank: must be a whole number}. Collects every problem rather than stopping at the first.
 */
public final class ManifestReader {

    public static final String FILE = "pack.yaml";

    static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    static final Pattern PARAMETER = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    static final Set<String> TOP_LEVEL = Set.of("id", "version", "factsContract", "name", "regulation", "years",
            "subjects", "scale", "criterionScale", "criteria", "parameters", "quotas", "description");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<PackProblem> problems = new ArrayList<>();

    private ManifestReader() {
    }

    /** The result: the manifest when there is no problem, otherwise the problems. */
    public record Result(Manifest manifest, List<PackProblem> problems) {

        public boolean ok() {
            return manifest != null && problems.isEmpty();
        }
    }

    public static Result read(PackFiles files) {
        String text = files.text(FILE);
        if (text == null) {
            return new Result(null, List.of(PackProblem.of(FILE, 0, "", "manifest-missing",
                    "the pack has no pack.yaml at its root")));
        }
        return read(text);
    }

    public static Result read(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Result(null, List.of(PackProblem.of(FILE, line, "", "yaml-syntax",
                    "not valid YAML: " + e.getOriginalMessage(), e.getOriginalMessage())));
        }
        ManifestReader reader = new ManifestReader();
        Manifest manifest = reader.manifest(root);
        return reader.problems.isEmpty() ? new Result(manifest, List.of()) : new Result(null, List.copyOf(reader.problems));
    }

    /** Parses YAML text into a tree (for scenarios and parameter files). */
    static JsonNode tree(String text) {
        return YAML.readTree(text);
    }

    private Manifest manifest(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "manifest-not-mapping", "must be a mapping of fields (id, version, name, scale...)");
            return null;
        }
        for (String field : root.propertyNames()) {
            if (!TOP_LEVEL.contains(field)) {
                problem(field, "unknown-field", "unknown field '" + field + "' (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)) + ")", field);
            }
        }
        String id = text(root, "id", "id", true);
        if (id != null && !PACK_ID.matcher(id).matches()) {
            problem("id", "pack-id", "'" + id + "' must be lower-case letters, digits and '-' (at most 63)", id);
        }
        Integer version = integer(root, "version", "version", true);
        if (version != null && version < 1) {
            problem("version", "positive", "must be 1 or more");
        }
        Integer contract = integer(root, "factsContract", "factsContract", true);
        if (contract != null && (contract < 1 || contract > FactsContract.VERSION)) {
            problem("factsContract", "facts-contract", "the pack was written for facts contract " + contract
                    + ", this Cadre provides version " + FactsContract.VERSION, contract, FactsContract.VERSION);
        }
        Map<String, String> name = label(root.get("name"), "name");
        Manifest.Regulation regulation = regulation(root.get("regulation"));
        Integer from = null;
        Integer to = null;
        JsonNode years = root.get("years");
        if (years == null || !years.isObject()) {
            problem("years", "required-mapping", "is required: a mapping with 'from' and optionally 'to'");
        } else {
            from = integer(years, "from", "years.from", true);
            to = integer(years, "to", "years.to", false);
            if (from != null && (from < 1945 || from > 2200)) {
                problem("years.from", "year", "must be a year between 1945 and 2200");
            }
            if (from != null && to != null && to < from) {
                problem("years.to", "years-order", "must not be before years.from (" + from + ")", from);
            }
        }
        Set<Proposal.Subject> subjects = subjects(root.get("subjects"));
        Map<Proposal.Subject, List<Level>> scales = scales(root.get("scale"), subjects);
        List<Level> criterionScale = root.has("criterionScale") ? levels(root.get("criterionScale"),
                "criterionScale", false) : List.of();
        Set<String> scaleCodes = new HashSet<>();
        scales.values().forEach(levels -> levels.forEach(l -> scaleCodes.add(l.code())));
        List<Criterion> criteria = criteria(root.get("criteria"), subjects);
        List<ParameterDefinition> parameters = parameters(root.get("parameters"), scaleCodes);
        List<Quota> quotas = quotas(root.get("quotas"), subjects, scales, parameters);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Manifest(id, version, contract, name, regulation, from, to, subjects, scales, criterionScale,
                criteria, parameters, quotas);
    }

    private Manifest.Regulation regulation(JsonNode node) {
        if (node == null || !node.isObject()) {
            problem("regulation", "required-mapping",
                    "is required: a mapping with number, date, issuer, guidance, article");
            return null;
        }
        return new Manifest.Regulation(text(node, "number", "regulation.number", true),
                text(node, "date", "regulation.date", false), text(node, "issuer", "regulation.issuer", false),
                text(node, "guidance", "regulation.guidance", false),
                text(node, "article", "regulation.article", false));
    }

    private Set<Proposal.Subject> subjects(JsonNode node) {
        Set<Proposal.Subject> subjects = new LinkedHashSet<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem("subjects", "subjects", "is required: a list of MEMBER and/or ORGANIZATION");
            return subjects;
        }
        int i = 0;
        for (JsonNode item : node) {
            Proposal.Subject subject = enumValue(item, "subjects[" + i + "]", Proposal.Subject.class);
            if (subject != null && !subjects.add(subject)) {
                problem("subjects[" + i + "]", "duplicate", "'" + subject + "' is listed twice", subject);
            }
            i++;
        }
        return subjects;
    }

    /**
     * The scale: a list for every subject, or a mapping with one list per subject the pack rates (each of them, and
     * no other).
     */
    private Map<Proposal.Subject, List<Level>> scales(JsonNode node, Set<Proposal.Subject> subjects) {
        Map<Proposal.Subject, List<Level>> scales = new java.util.EnumMap<>(Proposal.Subject.class);
        if (node == null || !node.isObject()) {
            List<Level> levels = levels(node, "scale", true);
            subjects.forEach(subject -> scales.put(subject, levels));
            return scales;
        }
        for (String key : node.propertyNames()) {
            Proposal.Subject subject = enumValue(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(key),
                    "scale." + key, Proposal.Subject.class);
            if (subject == null) {
                continue;
            }
            if (!subjects.contains(subject)) {
                problem("scale." + key, "subject-not-rated", "the pack does not rate " + subject, subject);
                continue;
            }
            scales.put(subject, levels(node.get(key), "scale." + key, true));
        }
        for (Proposal.Subject subject : subjects) {
            if (!scales.containsKey(subject)) {
                problem("scale." + subject, "scale-missing",
                        "is required: a list of levels with code, rank and label (vi, en)");
            }
        }
        return scales;
    }

    private List<Level> levels(JsonNode node, String path, boolean rating) {
        List<Level> levels = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(path, "scale-missing", "is required: a list of levels with code, rank and label (vi, en)");
            return levels;
        }
        if (rating && node.size() < 2) {
            problem(path, "scale-too-small", "needs at least two levels");
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        int i = 0;
        for (JsonNode item : node) {
            String at = path + "[" + i + "]";
            if (!item.isObject()) {
                problem(at, "required-mapping", "must be a mapping with code, rank and label");
                i++;
                continue;
            }
            String code = text(item, "code", at + ".code", true);
            if (code != null && !CODE.matcher(code).matches()) {
                problem(at + ".code", "level-code", "'" + code
                        + "' must be upper-case letters, digits and '_' starting with a letter", code);
            }
            Integer rank = integer(item, "rank", at + ".rank", true);
            Map<String, String> label = label(item.get("label"), at + ".label");
            if (code != null && !codes.add(code)) {
                problem(path, "level-duplicate", "level '" + code + "' is declared twice", code);
            }
            if (rank != null && !ranks.add(rank)) {
                problem(at + ".rank", "rank-duplicate", "rank " + rank + " is used by two levels", rank);
            }
            if (code != null && rank != null) {
                levels.add(new Level(code, rank, label));
            }
            i++;
        }
        levels.sort(java.util.Comparator.comparingInt(Level::rank).reversed());
        return levels;
    }

    private List<Criterion> criteria(JsonNode node, Set<Proposal.Subject> subjects) {
        List<Criterion> criteria = new ArrayList<>();
        if (node == null) {
            return criteria;
        }
        if (!node.isArray()) {
            problem("criteria", "list", "must be a list");
            return criteria;
        }
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode item : node) {
            String at = "criteria[" + i++ + "]";
            if (!item.isObject()) {
                problem(at, "required-mapping", "must be a mapping with id, subject, group, label and article");
                continue;
            }
            String id = text(item, "id", at + ".id", true);
            if (id != null && !IDENTIFIER.matcher(id).matches()) {
                problem(at + ".id", "identifier", "'" + id + "' must be letters, digits, '_' or '-'", id);
            }
            Proposal.Subject subject = enumValue(item.get("subject"), at + ".subject", Proposal.Subject.class);
            if (subject != null && !subjects.isEmpty() && !subjects.contains(subject)) {
                problem(at + ".subject", "subject-not-rated", "the pack does not rate " + subject, subject);
            }
            String group = text(item, "group", at + ".group", true);
            Map<String, String> label = label(item.get("label"), at + ".label");
            String article = text(item, "article", at + ".article", false);
            if (id != null && subject != null && !ids.add(subject + "/" + id)) {
                problem(at + ".id", "duplicate", "criterion '" + id + "' is declared twice for " + subject, id);
            }
            criteria.add(new Criterion(id, subject, group, label, article));
        }
        return criteria;
    }

    private List<ParameterDefinition> parameters(JsonNode node, Set<String> scaleCodes) {
        List<ParameterDefinition> parameters = new ArrayList<>();
        if (node == null) {
            return parameters;
        }
        if (!node.isArray()) {
            problem("parameters", "list", "must be a list");
            return parameters;
        }
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode item : node) {
            String at = "parameters[" + i++ + "]";
            if (!item.isObject()) {
                problem(at, "required-mapping", "must be a mapping with name, type, default, label and article");
                continue;
            }
            String name = text(item, "name", at + ".name", true);
            if (name != null && !PARAMETER.matcher(name).matches()) {
                problem(at + ".name", "parameter-name", "'" + name
                        + "' must be a Java-style name: a lower-case letter, then letters and digits", name);
            }
            if (name != null && !names.add(name)) {
                problem(at + ".name", "duplicate", "parameter '" + name + "' is declared twice", name);
            }
            ParameterType type = enumValue(item.get("type"), at + ".type", ParameterType.class);
            Double min = number(item, "min", at + ".min");
            Double max = number(item, "max", at + ".max");
            if ((min != null || max != null) && type != null && type != ParameterType.DECIMAL
                    && type != ParameterType.INTEGER) {
                problem(at + ".min", "range-type", "a range (min, max) applies only to decimal and integer parameters");
            }
            if (min != null && max != null && min > max) {
                problem(at + ".max", "range-order", "max " + fmt(max) + " is below min " + fmt(min), fmt(max), fmt(min));
            }
            Map<String, String> label = label(item.get("label"), at + ".label");
            String article = text(item, "article", at + ".article", true);
            Object value = null;
            JsonNode defaultNode = item.get("default");
            if (defaultNode == null || defaultNode.isNull()) {
                problem(at + ".default", "required", "is required");
            } else if (type != null) {
                value = ParameterValues.convert(type, defaultNode.isValueNode() ? defaultNode.asString() : null,
                        defaultNode, scaleCodes, at + ".default", min, max, problems);
            }
            if (name != null && type != null && value != null) {
                parameters.add(new ParameterDefinition(name, type, value, min, max, label, article,
                        optionalLabel(item, "group", at), optionalLabel(item, "unit", at)));
            }
        }
        return parameters;
    }

    private List<Quota> quotas(JsonNode node, Set<Proposal.Subject> subjects,
            Map<Proposal.Subject, List<Level>> scales, List<ParameterDefinition> parameters) {
        List<Quota> quotas = new ArrayList<>();
        if (node == null) {
            return quotas;
        }
        if (!node.isArray()) {
            problem("quotas", "list", "must be a list");
            return quotas;
        }
        Map<String, ParameterType> types = new LinkedHashMap<>();
        parameters.forEach(p -> types.put(p.name(), p.type()));
        int i = 0;
        for (JsonNode item : node) {
            String at = "quotas[" + i++ + "]";
            if (!item.isObject()) {
                problem(at, "required-mapping", "must be a mapping with id, subject, level, base, share, per");
                continue;
            }
            String id = text(item, "id", at + ".id", true);
            Proposal.Subject subject = enumValue(item.get("subject"), at + ".subject", Proposal.Subject.class);
            if (subject != null && !subjects.isEmpty() && !subjects.contains(subject)) {
                problem(at + ".subject", "subject-not-rated", "the pack does not rate " + subject, subject);
            }
            Set<String> scaleCodes = new HashSet<>();
            scales.getOrDefault(subject, List.of()).forEach(l -> scaleCodes.add(l.code()));
            String level = scaleLevel(item, "level", at, scaleCodes, true);
            String base = scaleLevel(item, "base", at, scaleCodes, true);
            String demoteTo = scaleLevel(item, "demoteTo", at, scaleCodes, true);
            String share = text(item, "share", at + ".share", true);
            if (share != null && types.get(share) != ParameterType.SHARE && types.get(share) != ParameterType.DECIMAL) {
                problem(at + ".share", "quota-share", "no share parameter '" + share + "'", share);
            }
            String enabled = text(item, "enabled", at + ".enabled", false);
            if (enabled != null && types.get(enabled) != ParameterType.BOOLEAN) {
                problem(at + ".enabled", "quota-enabled", "no boolean parameter '" + enabled + "'", enabled);
            }
            QuotaGroup per = enumValue(item.get("per"), at + ".per", QuotaGroup.class);
            String article = text(item, "article", at + ".article", true);
            quotas.add(new Quota(id, subject, level, base, share, per, demoteTo, enabled, article));
        }
        return quotas;
    }

    private String scaleLevel(JsonNode item, String field, String at, Set<String> scaleCodes, boolean required) {
        String level = text(item, field, at + "." + field, required);
        if (level != null && !scaleCodes.isEmpty() && !scaleCodes.contains(level)) {
            problem(at + "." + field, "level-unknown", "'" + level + "' is not a level of the scale "
                    + new java.util.TreeSet<>(scaleCodes), level, new java.util.TreeSet<>(scaleCodes));
        }
        return level;
    }

    /**
     * An optional text by language: {@code group: { vi: "…", en: "…" }}, or one text for both; empty when absent.
     */
    private Map<String, String> optionalLabel(JsonNode item, String field, String at) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (node.isValueNode()) {
            String text = node.asString().trim();
            if (text.isEmpty()) {
                problem(at + "." + field, "text", "must be a text");
                return Map.of();
            }
            return Map.of("vi", text, "en", text);
        }
        return label(node, at + "." + field);
    }

    private Map<String, String> label(JsonNode node, String path) {
        Map<String, String> label = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problem(path, "label", "is required: a mapping with 'vi' and 'en' texts");
            return label;
        }
        for (String language : List.of("vi", "en")) {
            JsonNode text = node.get(language);
            if (text == null || !text.isValueNode() || text.asString().isBlank()) {
                problem(path + "." + language, "label-language", "is required: the text in "
                        + ("vi".equals(language) ? "Vietnamese" : "English"), language);
            } else {
                label.put(language, text.asString().trim());
            }
        }
        return label;
    }

    private String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "required", "is required");
            }
            return null;
        }
        if (!node.isValueNode() || node.asString().isBlank()) {
            problem(path, "text", "must be a text");
            return null;
        }
        return node.asString().trim();
    }

    private Integer integer(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "required", "is required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path, "whole-number", "must be a whole number");
            return null;
        }
        return node.intValue();
    }

    private Double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problem(path, "number", "must be a number");
            return null;
        }
        return node.doubleValue();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (node == null || node.isNull()) {
            problem(path, "required-one-of", "is required: one of " + String.join(", ", allowed),
                    String.join(", ", allowed));
            return null;
        }
        String value = node.isValueNode() ? node.asString().trim().toUpperCase(Locale.ROOT) : "";
        if (!allowed.contains(value)) {
            problem(path, "one-of", "'" + node.asString() + "' is not one of " + String.join(", ", allowed),
                    node.asString(), String.join(", ", allowed));
            return null;
        }
        return Enum.valueOf(type, value);
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private void problem(String path, String code, String message, Object... arguments) {
        problems.add(PackProblem.of(FILE, 0, path, code, message, arguments));
    }
}
