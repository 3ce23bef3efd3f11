package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file larger than the server takes is refused before any module sees the request: the API answers with a 413
 * problem, a page with an error page that says the limit, in the reader's language, instead of a bare error.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final Problems problems;
    private final MessageSource messages;
    private final Environment environment;

    UploadLimitAdvice(Problems problems, MessageSource messages, Environment environment) {
        this.problems = problems;
        this.messages = messages;
        this.environment = environment;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale) {
        String limit = environment.getProperty("spring.servlet.multipart.max-file-size", "1MB");
        long megabytes = Math.max(1, DataSize.parse(limit).toMegabytes());
        if (Problems.isApi(request)) {
            return problems.answer(problems.problem(413, "problem.upload.too-large", megabytes), request);
        }
        ModelAndView result = new ModelAndView("error/4xx");
        result.addObject("message", messages.getMessage("problem.upload.too-large", new Object[] {megabytes},
                locale));
        result.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return result;
    }
}
