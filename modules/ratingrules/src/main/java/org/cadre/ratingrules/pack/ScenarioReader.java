package org.cadre.ratingrules.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.SubjectFacts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code scenarios/*.yaml} into facts. A fact name that {@link MemberFacts} or {@link OrganizationFacts} does
 * not have is an error naming the file, the subject and the field, so a typo never silently reads as a default.
 */
public final class ScenarioReader {

    static final Set<String> FIELDS = Set.of("name", "year", "parameters", "members", "organizations", "expect",
            "calibrations", "description");

    private static final YAMLMapper FACTS = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String file;
    private final Manifest manifest;
    private final List<PackProblem> problems;

    private ScenarioReader(String file, Manifest manifest, List<PackProblem> problems) {
        this.file = file;
        this.manifest = manifest;
        this.problems = problems;
    }

    /**
     * Reads facts strictly (an unknown fact name is an error, as in scenarios): for the evaluation API.
     *
     * @throws UnrecognizedPropertyException for a fact the type does not have
     */
    public static <T extends SubjectFacts> T facts(JsonNode node, Class<T> type) {
        return FACTS.treeToValue(node, type);
    }

    /** Every scenario of the pack; problems are added for what cannot be read. */
    public static List<Scenario> readAll(PackFiles files, Manifest manifest, List<PackProblem> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String path : files.paths("scenarios/", "yaml", "yml")) {
            Scenario scenario = new ScenarioReader(path, manifest, problems).read(files.text(path));
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        return scenarios;
    }

    private Scenario read(String text) {
        JsonNode root;
        try {
            root = ManifestReader.tree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problem(line, "", "yaml-syntax", "not valid YAML: " + e.getOriginalMessage(), e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problem(0, "", "scenario-not-mapping", "a scenario is a mapping with name, year, members, expect");
            return null;
        }
        int before = problems.size();
        for (String field : root.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problem(0, field, "unknown-field", "unknown field '" + field + "' (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")", field);
            }
        }
        String name = root.path("name").asString(file);
        JsonNode yearNode = root.get("year");
        int year = 0;
        if (yearNode == null || !yearNode.isIntegralNumber()) {
            problem(0, "year", "whole-number", "is required: the evaluation year, a whole number");
        } else {
            year = yearNode.intValue();
            if (!manifest.appliesTo(year)) {
                problem(0, "year", "scenario-year", "the pack applies to " + manifest.years() + ", not to " + year,
                        manifest.years(), year);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode parameterNode = root.get("parameters");
        if (parameterNode != null && !parameterNode.isNull()) {
            if (!parameterNode.isObject()) {
                problem(0, "parameters", "required-mapping", "must be a mapping of parameter names to values");
            } else {
                Map<String, Object> raw = new LinkedHashMap<>();
                parameterNode.properties().forEach(e -> raw.put(e.getKey(), e.getValue()));
                Map<String, Object> applied = ParameterValues.apply(manifest, raw, file, problems);
                raw.keySet().stream().filter(manifest.defaults()::containsKey)
                        .forEach(key -> parameters.put(key, applied.get(key)));
            }
        }
        Set<String> ids = new HashSet<>();
        List<MemberFacts> members = subjects(root.get("members"), "members", MemberFacts.class, year, ids);
        List<OrganizationFacts> organizations = subjects(root.get("organizations"), "organizations",
                OrganizationFacts.class, year, ids);
        List<Scenario.Expectation> expectations = expectations(root.get("expect"), ids);
        List<Scenario.ExpectedCalibration> calibrations = calibrations(root.get("calibrations"));
        if (problems.size() > before) {
            return null;
        }
        boolean calibrationsDeclared = root.has("calibrations") && !root.get("calibrations").isNull();
        return new Scenario(file, name, year, parameters, members, organizations, expectations, calibrations,
                calibrationsDeclared);
    }

    private <T extends SubjectFacts> List<T> subjects(JsonNode node, String path, Class<T> type, int year,
            Set<String> ids) {
        List<T> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            problem(0, path, "list", "must be a list");
            return result;
        }
        int i = 0;
        for (JsonNode item : node) {
            String at = path + "[" + i++ + "]";
            String id = item.path("id").asString("");
            if (id.isBlank()) {
                problem(0, at + ".id", "required", "is required");
                continue;
            }
            if (!ids.add(id)) {
                problem(0, at + ".id", "duplicate", "subject '" + id + "' is listed twice", id);
            }
            for (String field : item.propertyNames()) {
                if (!field.equals("id") && !field.equals("facts")) {
                    problem(0, at + "." + field, "unknown-field", "unknown field '" + field
                            + "' (a subject has 'id' and 'facts')", field);
                }
            }
            JsonNode facts = item.get("facts");
            try {
                T value = facts == null || facts.isNull() ? FACTS.treeToValue(FACTS.createObjectNode(), type)
                        : FACTS.treeToValue(facts, type);
                value.setSubjectId(id);
                value.setYear(year);
                result.add(value);
            } catch (UnrecognizedPropertyException e) {
                problem(0, at + ".facts." + e.getPropertyName(), "fact-unknown", "unknown fact '"
                        + e.getPropertyName() + "' of " + type.getSimpleName() + " (see docs/rule-packs.md)",
                        e.getPropertyName(), type.getSimpleName());
            } catch (JacksonException e) {
                String where = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                        : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("").replace(".[", "[");
                problem(0, at + ".facts" + (where.isEmpty() ? "" : "." + where), "fact-type",
                        "cannot read the value: " + e.getOriginalMessage(), e.getOriginalMessage());
            }
        }
        return result;
    }

    private List<Scenario.Expectation> expectations(JsonNode node, Set<String> ids) {
        List<Scenario.Expectation> result = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(0, "expect", "expect-missing", "is required: a list of expectations (subject, level, reasons)");
            return result;
        }
        Set<String> codes = new HashSet<>();
        manifest.scale().forEach(l -> codes.add(l.code()));
        int i = 0;
        for (JsonNode item : node) {
            String at = "expect[" + i++ + "]";
            String subject = item.path("subject").asString("");
            if (!ids.contains(subject)) {
                problem(0, at + ".subject", "expect-subject", "'" + subject + "' is not a member or organization of "
                        + "this scenario", subject);
                continue;
            }
            String level = item.hasNonNull("level") ? item.get("level").asString() : null;
            boolean excluded = item.path("excluded").asBoolean(false);
            boolean pending = item.path("pending").asBoolean(false);
            String cap = item.hasNonNull("cap") ? item.get("cap").asString() : null;
            int outcomes = (level != null ? 1 : 0) + (excluded ? 1 : 0) + (pending ? 1 : 0);
            if (outcomes != 1) {
                problem(0, at, "expect-outcome", "give exactly one of level, excluded: true or pending: true");
                continue;
            }
            for (String code : java.util.Arrays.asList(level, cap)) {
                if (code != null && !codes.contains(code)) {
                    problem(0, at, "level-unknown", "'" + code + "' is not a level of the scale "
                            + new java.util.TreeSet<>(codes), code, new java.util.TreeSet<>(codes));
                }
            }
            result.add(new Scenario.Expectation(subject, level, excluded, pending, cap, texts(item.get("reasons")),
                    texts(item.get("absentReasons"))));
        }
        return result;
    }

    private List<Scenario.ExpectedCalibration> calibrations(JsonNode node) {
        List<Scenario.ExpectedCalibration> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        int i = 0;
        for (JsonNode item : node) {
            String at = "calibrations[" + i++ + "]";
            String quota = item.path("quota").asString("");
            if (manifest.quotas().stream().noneMatch(q -> q.id().equals(quota))) {
                problem(0, at + ".quota", "quota-unknown", "the pack declares no quota '" + quota + "'", quota);
                continue;
            }
            result.add(new Scenario.ExpectedCalibration(quota, item.path("group").asString(""),
                    item.path("excess").asInt(0)));
        }
        return result;
    }

    private static List<String> texts(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> result.add(n.asString()));
        } else if (node != null && node.isValueNode()) {
            result.add(node.asString());
        }
        return result;
    }

    private void problem(int line, String path, String code, String message, Object... arguments) {
        problems.add(PackProblem.of(file, line, path, code, message, arguments));
    }
}
