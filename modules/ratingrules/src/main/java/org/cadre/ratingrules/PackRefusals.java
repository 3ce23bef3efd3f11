package org.cadre.ratingrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cadre.platform.Refused;
import org.cadre.platform.Translatable;
import org.springframework.context.MessageSource;

/**
 * Refusals of a pack that carry what validation found: on the API the problems, the failed scenarios, the report
 * and the draft's version; on a page the problems as lines, each in the reader's language
 * ({@code ratingrules.problem.<code>}).
 */
public final class PackRefusals {

    private PackRefusals() {
    }

    /**
     * A refusal whose one argument is the summary of the report's problems, translated when it is read.
     *
     * @param draftVersion the version the pack was stored under as a draft, or {@code null}
     */
    public static Refused refused(RatingRulesRefusal reason, ValidationReport report, Integer draftVersion) {
        Refused refused = new Refused(reason, (Translatable) (messages, locale) -> summary(report, messages, locale))
                .with("problems", report.problems().stream().map(PackProblem::describe).toList())
                .with("report", report)
                .withLines(report.problems().stream()
                        .<Translatable>map(p -> (messages, locale) -> describe(p, messages, locale)).toList());
        List<String> failed = report.scenarios().stream().filter(s -> !s.passed())
                .map(s -> s.file() + ": " + s.name()).toList();
        if (!failed.isEmpty()) {
            refused.with("failedScenarios", failed);
        }
        if (draftVersion != null) {
            refused.with("draftVersion", draftVersion);
        }
        return refused;
    }

    /** The report of a refusal made by {@link #refused}, if it carries one. */
    public static ValidationReport report(Refused refused) {
        return refused.details().get("report") instanceof ValidationReport report ? report : null;
    }

    /** The version a refused pack was stored under as a draft, if it was. */
    public static Integer draftVersion(Refused refused) {
        return refused.details().get("draftVersion") instanceof Integer version ? version : null;
    }

    /** At most five problems ({@code file:line: location: message}) and the failed scenarios, translated. */
    public static String summary(ValidationReport report, MessageSource messages, Locale locale) {
        List<String> parts = new ArrayList<>();
        report.problems().stream().limit(5).forEach(p -> parts.add(describe(p, messages, locale)));
        if (report.problems().size() > 5) {
            parts.add(messages.getMessage("ratingrules.summary.more-problems",
                    new Object[] {String.valueOf(report.problems().size() - 5)}, "…", locale));
        }
        report.scenarios().stream().filter(s -> !s.passed()).limit(5).forEach(s -> parts.add(s.error() == null
                ? messages.getMessage("ratingrules.summary.scenario-failed", new Object[] {s.file(), s.name()},
                        s.file() + ": scenario \"" + s.name() + "\" failed", locale)
                // a run that stopped (a loop, a rule that threw) says why: the engine's own words, bounded
                : messages.getMessage("ratingrules.summary.scenario-stopped", new Object[] {s.file(), s.name(),
                        s.error()}, s.file() + ": scenario \"" + s.name() + "\" stopped: " + s.error(), locale)));
        return String.join("; ", parts);
    }

    /** One problem as {@link PackProblem#describe()} writes it, with its message from the bundles. */
    public static String describe(PackProblem problem, MessageSource messages, Locale locale) {
        StringBuilder text = new StringBuilder(problem.file().isEmpty() ? "(pack)" : problem.file());
        if (problem.line() > 0) {
            text.append(':').append(problem.line());
        }
        if (!problem.location().isEmpty()) {
            text.append(": ").append(problem.location());
        }
        return text.append(": ").append(messages.getMessage("ratingrules.problem." + problem.code(),
                problem.arguments().toArray(), problem.message(), locale)).toString();
    }
}
