package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cadre.platform.Translatable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems in the caller's language, built one way for every error handler of the platform, and the
 * message texts of refusals with their arguments written the way pages write them (dates as dd/MM/yyyy).
 */
@Component
public class Problems {

    static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    ProblemDetail problem(int status, String key, Object... arguments) {
        return problem(status, key, arguments, LocaleContextHolder.getLocale());
    }

    /** A problem in a given language: for the security filters, which run before Spring MVC knows the locale. */
    public ProblemDetail problem(int status, String key, Object[] arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(messages.getMessage("problem.title." + status, null,
                known == null ? String.valueOf(status) : known.getReasonPhrase(), locale));
        problem.setDetail(text(key, arguments, locale));
        return problem;
    }

    /** A message with its arguments as a page writes them: dates dd/MM/yyyy in both languages. */
    String text(String key, Object[] arguments, Locale locale) {
        Object[] written = arguments == null ? null : arguments.clone();
        if (written != null) {
            for (int i = 0; i < written.length; i++) {
                if (written[i] instanceof LocalDate date) {
                    written[i] = date.format(PAGE_DATE);
                } else if (written[i] instanceof Translatable text) {
                    written[i] = text.translate(messages, locale);
                }
            }
        }
        return messages.getMessage(key, written, key, locale);
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    String text(Translatable text, Locale locale) {
        return text.translate(messages, locale);
    }

    /** A view that writes the problem as {@code application/problem+json} with its status. */
    ModelAndView answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        View view = (model, req, response) -> write(problem, response);
        ModelAndView result = new ModelAndView(view);
        result.setStatus(HttpStatus.valueOf(problem.getStatus()));
        return result;
    }

    /** Writes the problem as {@code application/problem+json} with its status. */
    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
