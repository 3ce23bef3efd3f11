package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cadre.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The same 503 as {@link DatabaseOutageResolver} for a request that meets the unreachable database before any
 * controller: loading the web session, checking an access token or a password. Without it that error would reach
 * the container, whose own error path needs the session again, and the caller would get its bare report. Outermost
 * but for the memory guard, so every filter that reads the database is inside it.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final Problems problems;
    private final LocaleResolver locales;
    private final ITemplateEngine templates;

    DatabaseOutageFilter(Problems problems, LocaleResolver locales, ITemplateEngine templates) {
        this.problems = problems;
        this.locales = locales;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException error) {
            if (!DatabaseOutage.causedBy(error) || response.isCommitted()) {
                throw error;
            }
            log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    error.toString());
            answer(request, response);
        }
    }

    /** Writes the 503: the problem on the API, the page elsewhere, in the language the reader chose. */
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader("Retry-After", DatabaseOutageResolver.RETRY_AFTER_SECONDS);
        Locale locale = locales.resolveLocale(request);
        if (Problems.isApi(request)) {
            var problem = problems.problem(503, "problem.database-unavailable", null, locale);
            problem.setInstance(URI.create(request.getRequestURI()));
            problems.write(problem, response);
            return;
        }
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        String page = templates.process("error/503", new WebContext(exchange, locale));
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page);
    }
}
