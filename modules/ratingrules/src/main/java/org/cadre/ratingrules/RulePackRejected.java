package org.cadre.ratingrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about rule packs was refused. Leaves as an RFC 9457 problem whose detail comes from the message bundles
 * ({@code problemDetail.ratingrules.<reason>}) in the user's language; a pack that does not validate carries its
 * problems (file, line, message) and, when stored as a draft, the draft's version.
 */
public class RulePackRejected extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient ValidationReport report;

    public RulePackRejected(HttpStatus status, String reason, Object... arguments) {
        this(status, reason, null, null, arguments);
    }

    public RulePackRejected(HttpStatus status, String reason, ValidationReport report, Integer draftVersion,
            Object... arguments) {
        super(status, problem(status, reason, report, draftVersion), null, "problemDetail.ratingrules." + reason,
                arguments);
        this.reason = reason;
        this.report = report;
    }

    private static ProblemDetail problem(HttpStatus status, String reason, ValidationReport report,
            Integer draftVersion) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setProperty("reason", reason);
        if (report != null) {
            problem.setProperty("problems", report.problems().stream().map(PackProblem::describe).toList());
            List<String> failed = report.scenarios().stream().filter(s -> !s.passed())
                    .map(s -> s.file() + ": " + s.name()).toList();
            if (!failed.isEmpty()) {
                problem.setProperty("failedScenarios", failed);
            }
            problem.setProperty("report", report);
        }
        if (draftVersion != null) {
            problem.setProperty("draftVersion", draftVersion);
        }
        return problem;
    }

    /**
     * The detail's arguments in the reader's language: a refusal that carries a report has the summary of its
     * problems as its only argument, and that summary is rebuilt from the problems' codes with the bundles
     * ({@code ratingrules.problem.<code>}), like the pages list them; the English text is the fallback.
     */
    @Override
    public Object[] getDetailMessageArguments(MessageSource messageSource, Locale locale) {
        Object[] arguments = getDetailMessageArguments();
        if (report == null || messageSource == null || arguments == null || arguments.length != 1) {
            return arguments;
        }
        return new Object[] {summary(report, messageSource, locale)};
    }

    /** At most five problems ({@code file:line: location: message}) and the failed scenarios, translated. */
    public static String summary(ValidationReport report, MessageSource messages, Locale locale) {
        List<String> parts = new ArrayList<>();
        report.problems().stream().limit(5).forEach(p -> parts.add(describe(p, messages, locale)));
        if (report.problems().size() > 5) {
            parts.add(messages.getMessage("ratingrules.summary.more-problems",
                    new Object[] {String.valueOf(report.problems().size() - 5)}, "…", locale));
        }
        report.scenarios().stream().filter(s -> !s.passed()).limit(5).forEach(s -> parts.add(messages.getMessage(
                "ratingrules.summary.scenario-failed", new Object[] {s.file(), s.name()},
                s.file() + ": scenario \"" + s.name() + "\" failed", locale)));
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

    public String reason() {
        return reason;
    }

    public ValidationReport report() {
        return report;
    }
}
