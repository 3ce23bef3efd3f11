package org.cadre.ratingrules;

import java.util.List;
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

    public String reason() {
        return reason;
    }

    public ValidationReport report() {
        return report;
    }
}
