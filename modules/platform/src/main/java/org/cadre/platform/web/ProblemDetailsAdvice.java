package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Errors of the JSON API leave as RFC 9457 problem details with a message a person can act on, in the caller's
 * language. Pages keep their HTML error pages: this advice hands their errors back.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Jackson's message for a key given twice: {@code Duplicate Object property "name"}. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate \\w+ property \"([^\"]*)\"");

    private final MessageSource messages;
    private final Problems problems;

    ProblemDetailsAdvice(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        Refused refused = refusedIn(ex);
        String duplicate = duplicateKey(ex);
        if (refused != null) {
            // a text of the body the text policy refuses: its reason, on the property's whole path
            int refusedStatus = refused.reason().outcome().status();
            problem = problems.problem(refusedStatus, refused.reason().messageKey(), refused.arguments());
            problem.setProperty("reason", refused.reason().code());
            refused.details().forEach(problem::setProperty);
            String path = longestPath(ex);
            if (path != null) {
                problem.setProperty("field", path);
            }
            return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(refusedStatus), request);
        } else if (duplicate != null) {
            problem = problem(HttpStatus.BAD_REQUEST, "problem.body.duplicate", duplicate);
            problem.setProperty("field", duplicate);
        } else if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            problem = problem(HttpStatus.BAD_REQUEST, "problem.body.field", field);
            problem.setProperty("field", field);
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "problem.body.unreadable");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String path(JacksonException jackson) {
        return jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The deepest path a Jackson exception in the chain gives (a list element's index included), or null. */
    private static String longestPath(Throwable error) {
        String longest = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String path = path(jackson);
                longest = longest == null || path.length() > longest.length() ? path : longest;
            }
        }
        return longest;
    }

    private static Refused refusedIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused;
            }
        }
        return null;
    }

    /** The key a body gives twice in one object (Jackson's strict duplicate detection), or null. */
    private static String duplicateKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
                Matcher duplicate = DUPLICATE.matcher(read.getOriginalMessage());
                if (duplicate.find()) {
                    return duplicate.group(1);
                }
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), messages.getMessage(e, locale)))
                .toList();
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation", fields);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException ex, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw ex; // a page: Spring Security's access-denied handling applies
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "problem.forbidden"));
    }

    ProblemDetail problem(HttpStatus status, String key, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Locale locale = LocaleContextHolder.getLocale();
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.setDetail(messages.getMessage(key, arguments, locale));
        return problem;
    }

    /** One invalid field of a request body, with a message in the caller's language. */
    record FieldProblem(String field, String message) {
    }
}
