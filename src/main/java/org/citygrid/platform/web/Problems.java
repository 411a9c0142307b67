package org.citygrid.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds RFC 9457 problems whose title and detail come from the message bundles in the caller's language. Every
 * problem carries the request id so that a user can quote it and an operator can find the log line.
 */
@Component
public class Problems {

    /** A problem's {@code type}: one page per kind of problem, documented in docs/API-ERRORS.md. */
    public static final String TYPE_BASE = "https://citygrid.org/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;

    public Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * The caller's language: their choice (cookie, {@code ?lang=}), else {@code Accept-Language}, else zh-CN. Resolved
     * here rather than read from the locale context, because security filters answer before Spring MVC sets it.
     */
    public Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return locales.resolveLocale(attrs.getRequest());
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    public ProblemDetail problem(HttpStatusCode status, String type, String detailKey, Object... args) {
        return problem(status, type, detailKey, args, locale());
    }

    /** One wrong field of a request. */
    public record FieldError(String field, String message) {
    }

    private ProblemDetail problem(HttpStatusCode status, String type, String detailKey, Object[] args, Locale locale) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(text("problem.title." + type, null, locale,
                HttpStatus.resolve(status.value()) == null ? "Error" : HttpStatus.resolve(status.value()).getReasonPhrase()));
        problem.setDetail(text(detailKey, args, locale, detailKey));
        var requestId = MDC.get(RequestLogFilter.MDC_REQUEST_ID);
        if (requestId == null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            requestId = (String) attrs.getRequest().getAttribute(RequestLogFilter.MDC_REQUEST_ID);
        }
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    public String text(String key, Object[] args, Locale locale, String fallback) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
