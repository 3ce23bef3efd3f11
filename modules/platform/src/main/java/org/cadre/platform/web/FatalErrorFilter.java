package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: an out-of-memory error in a request, however wrapped ({@code DispatcherServlet} hands it on
 * inside a {@code ServletException}), halts the process (see {@link FatalErrors}) instead of becoming a 500 that
 * leaves a damaged JVM serving.
 */
class FatalErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException | Error error) {
            if (FatalErrors.outOfMemory(error)) {
                FatalErrors.halt("request " + request.getMethod() + " " + request.getRequestURI(), error);
            }
            throw error;
        }
    }
}
