package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path: the API answers with a problem+json 404 that names the path, a page request gets the HTML
 * "page not found" page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundAdvice {

    private final Problems problems;

    NotFoundAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException ex, HttpServletRequest request) {
        if (Problems.isApi(request)) {
            return problems.answer(problems.problem(404, "problem.not-found", request.getRequestURI()), request);
        }
        ModelAndView result = new ModelAndView("error/404");
        result.setStatus(HttpStatus.NOT_FOUND);
        return result;
    }
}
