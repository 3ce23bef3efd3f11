package org.cadre.ratingrules.engine;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What each rule reads, for explanations: the properties of the subject's facts its patterns test and the
 * parameters it asks for. A member reading why she is rated sees "điểm 85; ngưỡng excellentMinScore = 90", not
 * only a rule id. Read from the DRL the pack compiled, once per compilation; the values are read from the facts of
 * the rated subject when the rule fires.
 */
final class RuleInputs {

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-z][A-Za-z0-9_]*)\\b(?!\\s*\\()");
    private static final Pattern PARAMETER = Pattern.compile(
            "params\\s*\\.\\s*(?:number|integer|flag|share|text)\\s*\\(\\s*\"([A-Za-z0-9_]+)\"");
    private static final Map<String, Map<String, Method>> PROPERTIES = Map.of(
            "MemberFacts", readable(MemberFacts.class), "OrganizationFacts", readable(OrganizationFacts.class));

    /** What one rule reads: properties of the subject's facts, then the pack's parameters. */
    record Read(List<String> properties, List<String> parameters) {
    }

    private final Map<String, Read> byRule;

    private RuleInputs(Map<String, Read> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    /** Reads every rule of the given DRL texts (one per pack file); a text that does not parse adds nothing. */
    static RuleInputs of(Iterable<String> drls) {
        Map<String, Read> byRule = new LinkedHashMap<>();
        for (String drl : drls) {
            PackageDescr parsed;
            try {
                parsed = new DrlParser().parse(false, drl);
            } catch (DroolsParserException | RuntimeException e) {
                continue;
            }
            if (parsed == null) {
                continue;
            }
            for (RuleDescr rule : parsed.getRules()) {
                Set<String> properties = new LinkedHashSet<>();
                Set<String> parameters = new LinkedHashSet<>();
                for (BaseDescr element : rule.getLhs().getDescrs()) {
                    if (!(element instanceof PatternDescr pattern)) {
                        continue;
                    }
                    String type = pattern.getObjectType() == null ? "" : pattern.getObjectType();
                    type = type.substring(type.lastIndexOf('.') + 1);
                    Map<String, Method> readable = PROPERTIES.get(type);
                    String text = constraints(pattern);
                    Matcher parameter = PARAMETER.matcher(text);
                    while (parameter.find()) {
                        parameters.add(parameter.group(1));
                    }
                    if (readable == null) {
                        continue;
                    }
                    Matcher identifier = IDENTIFIER.matcher(text.replaceAll("\"[^\"]*\"", "\"\""));
                    while (identifier.find()) {
                        if (readable.containsKey(identifier.group(1))) {
                            properties.add(identifier.group(1));
                        }
                    }
                }
                byRule.put(rule.getName(), new Read(List.copyOf(properties), List.copyOf(parameters)));
            }
        }
        return new RuleInputs(byRule);
    }

    /**
     * The values a rule read for one subject, in the rule's order: {@code score = 85}, then
     * {@code excellentMinScore = 90} for the parameters. Lists and counts are written as they are.
     */
    Map<String, String> values(String ruleName, SubjectFacts facts, Parameters parameters) {
        Read read = byRule.get(ruleName);
        Map<String, String> values = new LinkedHashMap<>();
        if (read == null) {
            return values;
        }
        if (facts != null) {
            Map<String, Method> readable = PROPERTIES.get(facts.getClass().getSimpleName());
            for (String property : read.properties()) {
                Method getter = readable == null ? null : readable.get(property);
                if (getter != null) {
                    values.put(property, text(invoke(getter, facts)));
                }
            }
        }
        if (parameters != null) {
            for (String name : read.parameters()) {
                Object value = parameters.asMap().get(name);
                if (value != null) {
                    values.put(name, text(value));
                }
            }
        }
        return values;
    }

    private static Object invoke(Method getter, Object facts) {
        try {
            return getter.invoke(facts);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.valueOf(number.longValue());
        }
        if (value instanceof Double number) {
            return String.valueOf(Math.round(number * 10_000) / 10_000.0);
        }
        return String.valueOf(value);
    }

    private static String constraints(PatternDescr pattern) {
        StringBuilder text = new StringBuilder();
        if (pattern.getConstraint() != null) {
            for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                text.append(constraint.getText() == null ? constraint.toString() : constraint.getText()).append(' ');
            }
        }
        return text.toString();
    }

    /** The getters of a facts class by property name ({@code getScore} and {@code isScored} give score, scored). */
    private static Map<String, Method> readable(Class<?> type) {
        Map<String, Method> getters = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
            if (prefix == 0 || name.length() == prefix || method.getParameterCount() != 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String property = Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
            getters.putIfAbsent(property, method);
        }
        return getters;
    }
}
