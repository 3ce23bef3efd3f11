package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * First of the MVC exception resolvers: an out-of-memory error that reaches them inside an exception (a future's
 * {@code ExecutionException}, a wrapper of a library) halts the process before any {@code @ExceptionHandler} could
 * answer it as a 500 (see {@link FatalErrors}). A bare error skips the resolvers: {@link FatalErrorFilter} has it.
 */
@Component
class FatalErrorResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception error) {
        if (FatalErrors.outOfMemory(error)) {
            FatalErrors.halt("request " + request.getMethod() + " " + request.getRequestURI(), error);
        }
        return null;
    }
}
