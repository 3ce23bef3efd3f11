package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A body cut off by {@link RequestBodyLimit} fails in whatever reads it (a JSON reader reports it as an unreadable
 * element): whatever the error, its cause is the size, and the answer is 413 (a problem on the API, the error page
 * elsewhere), before any other resolver answers 400.
 */
@Component
class RequestBodyLimitResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception error) {
        if (!RequestBodyLimit.exceeded(request)) {
            return null;
        }
        try {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        } catch (IOException gone) {
            // the client has gone: nothing to answer
        }
        return new ModelAndView();
    }
}
