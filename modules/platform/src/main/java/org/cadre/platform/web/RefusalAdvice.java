package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.platform.Dates;
import org.cadre.platform.PageForm;
import org.cadre.platform.PlatformRefusal;
import org.cadre.platform.Refusal;
import org.cadre.platform.Refused;
import org.cadre.platform.Translatable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one path of a refusal, whichever module refuses: on the API an RFC 9457 problem whose status comes from the
 * {@link Refusal.Outcome} and whose detail is the reason's text in the caller's language (with {@code reason} and
 * {@code field}); on a page form marked {@link PageForm} the same text next to the form, with the values the user
 * entered kept; on any other page the error page of the outcome. Missing, unreadable and invalid fields of a
 * request take the same path, so a page controller holds no try/catch.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);
    /**
     * What a refused form carries back in the session: what a person typed, a rule file being edited included, but
     * never an upload. A value that does not fit is dropped (the field shows the page's own value), not cut.
     */
    private static final int MAX_VALUES = 200;
    private static final int MAX_CHARACTERS = 1_200_000;

    private final Problems problems;

    RefusalAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request, HandlerMethod handler,
            RedirectAttributes redirect) {
        Refusal reason = refused.reason();
        log.debug("Refused {}: {}", request.getRequestURI(), refused.getMessage());
        int status = reason.outcome().status();
        Locale locale = LocaleContextHolder.getLocale();
        String message = problems.text(reason.messageKey(), refused.arguments(), locale);
        if (Problems.isApi(request)) {
            ProblemDetail problem = problems.problem(status, reason.messageKey(), refused.arguments());
            problem.setProperty("reason", reason.code());
            if (reason.field() != null) {
                problem.setProperty("field", reason.field());
            }
            refused.details().forEach(problem::setProperty);
            return problems.answer(problem, request);
        }
        List<String> lines = refused.lines().stream().map(line -> problems.text(line, locale)).toList();
        boolean subjectMissing = reason.outcome() == Refusal.Outcome.NOT_FOUND
                || reason.outcome() == Refusal.Outcome.FORBIDDEN;
        if (!subjectMissing) {
            // the field a refusal names itself (a text refused by the text policy) before its reason's
            String field = refused.details().get("field") instanceof String named ? named : reason.field();
            ModelAndView back = backToForm(request, handler, redirect, field, message, lines);
            if (back != null) {
                return back;
            }
        }
        ModelAndView page = errorPage(status, message);
        page.addObject("lines", lines);
        return page;
    }

    /**
     * A Spring Data JDBC aggregate with {@code @Version} saved over a newer version: the same edit conflict as
     * {@link org.cadre.platform.Edits} refuses, without the time (the aggregate does not keep it).
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView staleAggregate(OptimisticLockingFailureException stale, HttpServletRequest request,
            HandlerMethod handler, RedirectAttributes redirect) {
        return refused(new Refused(PlatformRefusal.EDIT_CONFLICT, (Translatable) (messages, locale) ->
                messages.getMessage("edit.conflict.recently", null, locale)), request, handler, redirect);
    }

    /** A constraint of a command (size, pattern, required) checked by the module's facade. */
    @ExceptionHandler(ConstraintViolationException.class)
    ModelAndView invalid(ConstraintViolationException invalid, HttpServletRequest request, HandlerMethod handler,
            RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ConstraintViolation<?>> violations = invalid.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> field(v.getPropertyPath()))).toList();
        List<Map<String, String>> errors = violations.stream().map(v -> Map.of("field", field(v.getPropertyPath()),
                "message", v.getMessage())).toList();
        String fields = String.join(", ", violations.stream().map(v -> field(v.getPropertyPath())).distinct()
                .toList());
        if (Problems.isApi(request)) {
            ProblemDetail problem = problems.problem(400, "problem.validation", fields);
            problem.setProperty("errors", errors);
            return problems.answer(problem, request);
        }
        String message = String.join("; ", violations.stream()
                .map(v -> label(field(v.getPropertyPath()), locale) + ": " + v.getMessage()).distinct().toList());
        String field = violations.isEmpty() ? null : field(violations.get(0).getPropertyPath());
        ModelAndView back = backToForm(request, handler, redirect, field, message, List.of());
        return back != null ? back : errorPage(400, message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException missing, HttpServletRequest request,
            HandlerMethod handler, RedirectAttributes redirect) {
        return fieldProblem(missing.getParameterName(), "problem.field.missing", request, handler, redirect);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView unreadable(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request,
            HandlerMethod handler, RedirectAttributes redirect) {
        // a date read but out of range (FormDates): the refusal, on the parameter it was read from
        for (Throwable cause = mismatch.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused && refused.reason() == PlatformRefusal.DATE_OUT_OF_RANGE) {
                return refused(Dates.outOfRange(mismatch.getName(), ((Number) refused.details().get("year"))
                        .longValue()), request, handler, redirect);
            }
        }
        return fieldProblem(mismatch.getName(), "problem.field.unreadable", request, handler, redirect);
    }

    private ModelAndView fieldProblem(String field, String key, HttpServletRequest request, HandlerMethod handler,
            RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        String label = label(field, locale);
        if (Problems.isApi(request)) {
            ProblemDetail problem = problems.problem(400, key, label);
            problem.setProperty("field", field);
            return problems.answer(problem, request);
        }
        String message = problems.text(key, new Object[] {label}, locale);
        ModelAndView back = backToForm(request, handler, redirect, field, message, List.of());
        return back != null ? back : errorPage(400, message);
    }

    /** Back to the form's page with the reason and what the user typed; null when the method is no page form. */
    private static ModelAndView backToForm(HttpServletRequest request, HandlerMethod handler,
            RedirectAttributes redirect, String field, String message, List<String> lines) {
        PageForm form = handler == null ? null : handler.getMethodAnnotation(PageForm.class);
        if (form == null || !"POST".equals(request.getMethod())) {
            return null;
        }
        // the page's template takes the path's variables and, where it names them, the form's fields
        Map<String, String> variables = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> variables.put(name, values.length > 0 ? values[0] : ""));
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (path != null) {
            variables.putAll(path);
        }
        String page = UriComponentsBuilder.fromUriString(form.page()).buildAndExpand(variables).encode()
                .toUriString();
        redirect.addFlashAttribute("formError", new FormError(form.form(), field, message, lines));
        redirect.addFlashAttribute("formValues", entered(request));
        return new ModelAndView("redirect:" + page);
    }

    private static LinkedHashMap<String, String> entered(HttpServletRequest request) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        int budget = MAX_CHARACTERS;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (values.size() >= MAX_VALUES || name.startsWith("_") || parameter.getValue().length == 0) {
                continue;
            }
            String value = parameter.getValue()[0];
            if (value.length() <= budget) {
                values.put(name, value);
                budget -= value.length();
            }
        }
        return values;
    }

    private static ModelAndView errorPage(int status, String message) {
        String view = status == 404 ? "error/404" : status == 403 ? "error/403" : "error/4xx";
        ModelAndView page = new ModelAndView(view);
        page.addObject("message", message);
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }

    /** The last node of a property path: {@code admit.command.cardNumber} is {@code cardNumber}. */
    private static String field(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last == null ? "" : last;
    }

    private String label(String field, Locale locale) {
        String key = "form.field." + field;
        String text = problems.text(key, locale);
        return text.equals(key) ? field : text;
    }
}
