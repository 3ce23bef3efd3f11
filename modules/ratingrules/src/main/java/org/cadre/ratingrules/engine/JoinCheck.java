package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Refuses rules whose patterns are not joined: each pattern after the first must test a variable bound before it
 * ({@code Proposal( subjectId == $m.subjectId )}). Two patterns that are not joined match every pair of facts, three
 * every triple: with a bloc's members that is billions of matches, which no time limit stops cleanly.
 */
final class JoinCheck {

    private static final Pattern INLINE_BINDING = Pattern.compile("(\\$[A-Za-z_][A-Za-z0-9_]*)\\s*:");

    private JoinCheck() {
    }

    static List<PackProblem> check(String file, String drl) {
        PackageDescr parsed;
        try {
            parsed = new DrlParser().parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of(); // the compiler reports what cannot be parsed, with its line
        }
        List<PackProblem> problems = new ArrayList<>();
        if (parsed == null) {
            return problems;
        }
        for (RuleDescr rule : parsed.getRules()) {
            List<String> bound = new ArrayList<>();
            int unjoined = 0;
            for (BaseDescr element : rule.getLhs().getDescrs()) {
                if (!(element instanceof PatternDescr pattern)) {
                    continue;
                }
                String constraints = constraintsOf(pattern);
                boolean joined = bound.stream().anyMatch(variable -> mentions(constraints, variable));
                if (!joined) {
                    unjoined++;
                }
                if (pattern.getIdentifier() != null) {
                    bound.add(pattern.getIdentifier());
                }
                Matcher inline = INLINE_BINDING.matcher(constraints);
                while (inline.find()) {
                    bound.add(inline.group(1));
                }
            }
            if (unjoined > 1) {
                problems.add(PackProblem.of(file, Math.max(rule.getLine(), 0), rule.getName(), "unjoined-patterns",
                        "rule '" + rule.getName() + "' matches facts that are not joined to each other: every "
                                + "pattern after the first must test a variable bound before it, such as "
                                + "Proposal( subjectId == $m.subjectId )", rule.getName()));
            }
        }
        return problems;
    }

    private static String constraintsOf(PatternDescr pattern) {
        StringBuilder text = new StringBuilder();
        if (pattern.getConstraint() != null) {
            for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                text.append(constraint.getText() == null ? constraint.toString() : constraint.getText()).append(' ');
            }
        }
        if (pattern.getSource() != null) {
            text.append(pattern.getSource().getText() == null ? pattern.getSource().toString()
                    : pattern.getSource().getText());
        }
        return text.toString();
    }

    private static boolean mentions(String text, String variable) {
        return Pattern.compile(Pattern.quote(variable) + "\\b").matcher(text).find();
    }
}
