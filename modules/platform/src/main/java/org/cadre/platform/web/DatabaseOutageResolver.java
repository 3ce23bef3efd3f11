package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cadre.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
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
        ModelAndView page = new ModelAndView("error/503");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }
}
