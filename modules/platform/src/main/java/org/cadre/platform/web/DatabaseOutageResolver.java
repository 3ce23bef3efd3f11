package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cadre.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A controller that met an unreachable database answers 503 with {@code Retry-After}: a problem on the API, the
 * "temporarily unavailable" page in the reader's language elsewhere. First of all resolvers, so that no module's
 * handler turns it into a 500 or a refusal; every other error passes on.
 */
@Component
class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResolver.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final Problems problems;

    DatabaseOutageResolver(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after FatalErrorResolver
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception error) {
        if (!DatabaseOutage.causedBy(error)) {
            return null;
        }
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), error.toString());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (Problems.isApi(request)) {
            return problems.answer(problems.problem(503, "problem.database-unavailable"), request);
        }
        // A page is answered by DatabaseOutageFilter, outside the web session: rendered here, inside it, the
        // response's commit saves the session, meets the database again, and that second error reached the
        // container as a 500 (seen once in DatabaseOutageTests).
        throw new DatabaseUnavailable(error);
    }

    /** The page request's error, carried out to {@link DatabaseOutageFilter}, which answers it. */
    static final class DatabaseUnavailable extends RuntimeException {

        DatabaseUnavailable(Exception cause) {
            super("database unavailable", cause);
        }
    }
}
