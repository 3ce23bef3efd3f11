package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An unknown path: the API answers with a problem+json 404 that names the path, a page request gets the HTML
 * "page not found" page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundAdvice {

    private final ProblemDetailsAdvice problems;
    private final JsonMapper json;

    NotFoundAdvice(ProblemDetailsAdvice problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException ex, HttpServletRequest request) {
        ModelAndView result;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = problems.problem(HttpStatus.NOT_FOUND, "problem.not-found",
                    request.getRequestURI());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            View view = (model, req, response) -> {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(json.writeValueAsString(problem));
            };
            result = new ModelAndView(view);
        } else {
            result = new ModelAndView("error/404");
        }
        result.setStatus(HttpStatus.NOT_FOUND);
        return result;
    }
}
