package org.cadre.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's errors become (a rejected method, a timeout, an unreadable path: anything that reaches
 * {@code /error} instead of a controller). On an API path the answer is always an RFC 9457 problem, whatever the
 * client accepts; a page gets the error page of its status, as before.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController extends BasicErrorController {

    private final Problems problems;

    ErrorPageController(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers, Problems problems) {
        super(attributes, new ErrorProperties(), resolvers.orderedStream().toList());
        this.problems = problems;
    }

    @Override
    @PreAuthorize("permitAll()")
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            ProblemDetail problem = problem(request);
            ModelAndView answer = problems.answer(problem, request);
            problem.setInstance(URI.create(original(request)));
            return answer;
        }
        return super.errorHtml(request, response);
    }

    @Override
    @PreAuthorize("permitAll()")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        ProblemDetail problem = problem(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", original(request));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** Statuses with a text of their own ({@code problem.status.<status>}); others read as any 4xx or 5xx. */
    private static final Set<Integer> DESCRIBED = Set.of(400, 401, 403, 404, 405, 406, 408, 413, 414, 415, 429, 431);

    private ProblemDetail problem(HttpServletRequest request) {
        int status = getStatus(request).value();
        String key = DESCRIBED.contains(status) ? "problem.status." + status
                : status >= 500 ? "problem.status.5xx" : "problem.status.4xx";
        return problems.problem(status, key, original(request));
    }

    private static boolean isApi(HttpServletRequest request) {
        return original(request).startsWith(request.getContextPath() + "/api/");
    }

    /** The path the client asked for (this request is the container's forward to the error path). */
    private static String original(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }
}
