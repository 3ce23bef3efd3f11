package org.cadre.organizations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change to the organization tree was refused. Leaves as an RFC 9457 problem whose detail comes from the
 * message bundles ({@code problemDetail.organizations.<reason>}) in the user's language.
 */
public class OrganizationRejected extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public OrganizationRejected(HttpStatus status, String reason, String field, Object... arguments) {
        super(status, problem(status, reason, field), null, "problemDetail.organizations." + reason, arguments);
        this.reason = reason;
    }

    private static ProblemDetail problem(HttpStatus status, String reason, String field) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setProperty("reason", reason);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public String reason() {
        return reason;
    }
}
