package org.citygrid.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.platform.DomainException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Maps every error of a REST controller to an RFC 9457 problem that says what to fix. Bad input is a 4xx, never a
 * 500; an unexpected failure is a 500 that shows only the request id (the stack trace goes to the log).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Problems problems;

    ApiProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        var response = switch (e) {
            case DomainException.NotFound nf -> respond(problems.problem(HttpStatus.NOT_FOUND, "not-found",
                    nf.messageKey(), nf.arguments()));
            case DomainException.Conflict c -> respond(problems.problem(HttpStatus.CONFLICT, "conflict",
                    c.messageKey(), c.arguments()));
            case DomainException.Invalid i -> {
                var problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", i.messageKey(),
                        i.arguments());
                if (!i.fields().isEmpty()) {
                    problems.withErrors(problem, i.fields().stream()
                            .map(f -> new Problems.FieldError(f, problem.getDetail())).toList());
                }
                yield respond(problem);
            }
            case DomainException.BadRequest b -> {
                var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", b.messageKey(), b.arguments());
                yield respond(problems.withErrors(problem,
                        List.of(new Problems.FieldError(b.field(), problem.getDetail()))));
            }
            case DomainException.Forbidden f -> respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden",
                    f.messageKey(), f.arguments()));
        };
        if (response.getBody() instanceof ProblemDetail problem) {
            e.properties().forEach(problem::setProperty);
        }
        return response;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException e) {
        return respond(problems.problem(HttpStatus.CONFLICT, "stale-version", "problem.detail.stale-version"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.problem(HttpStatus.CONFLICT, "conflict", "problem.detail.integrity"));
    }

    /**
     * The database could not be reached or the connection pool stayed empty for its whole timeout (a burst of work
     * elsewhere on the node): nothing was done, and the client may simply retry — a 503 with Retry-After, not a 500.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.warn("no database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        var response = respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "problem.detail.unavailable"));
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security turns these into 401/403 problems
        }
        if (isUploadTooLarge(e)) {
            return respond(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "http-413", "problem.detail.http-413"));
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.detail.internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = problems.locale();
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> new Problems.FieldError(fe.getField(),
                        problems.text(fe.getCodes() == null ? "" : fe.getCodes()[0], fe.getArguments(), locale,
                                fe.getDefaultMessage())))
                .toList();
        var fields = errors.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "));
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.detail.validation",
                new Object[] {fields});
        return respond(problems.withErrors(problem, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = problems.locale();
        var errors = new ArrayList<Problems.FieldError>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(err ->
                errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(),
                        problems.text(err.getCodes() == null ? "" : err.getCodes()[0], err.getArguments(), locale,
                                err.getDefaultMessage())))));
        var fields = errors.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "));
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.detail.validation",
                new Object[] {fields});
        return respond(problems.withErrors(problem, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = problems.locale();
        if (ex.getMostSpecificCause() instanceof JacksonException jackson) {
            var field = fieldPath(jackson);
            var location = jackson.getLocation();
            if (field.isEmpty()) {
                var problem = problems.problem(HttpStatus.BAD_REQUEST, "malformed-json", "problem.detail.malformed-json",
                        new Object[] {location == null ? 0 : location.getLineNr(),
                                location == null ? 0 : location.getColumnNr()});
                return respond(problem);
            }
            var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.detail.bad-field",
                    new Object[] {field});
            var message = problems.text("problem.detail.bad-field", new Object[] {field}, locale, field);
            return respond(problems.withErrors(problem, List.of(new Problems.FieldError(field, message))));
        }
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "malformed-json", "problem.detail.unreadable"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var locale = problems.locale();
        var name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.detail.bad-parameter",
                new Object[] {name, ex.getValue()});
        return respond(problems.withErrors(problem, List.of(new Problems.FieldError(String.valueOf(name),
                problem.getDetail()))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = problems.locale();
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.detail.missing-parameter",
                new Object[] {ex.getParameterName()});
        return respond(problems.withErrors(problem, List.of(new Problems.FieldError(ex.getParameterName(),
                problem.getDetail()))));
    }

    /** Everything else the base class knows (405, 406, 415, 413, …): keep its status, localise its text. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType() != null
                && detail.getType().toString().startsWith(Problems.TYPE_BASE)) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        var problem = problems.problem(statusCode, "http-" + statusCode.value(),
                "problem.detail.http-" + statusCode.value(), (Object[]) null);
        if (body instanceof ProblemDetail detail && detail.getDetail() != null
                && problem.getDetail().startsWith("problem.detail.")) {
            problem.setDetail(detail.getDetail());
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    /** Tomcat reports a multipart above the limit wrapped in whatever first read a parameter (a filter, a locale). */
    private static boolean isUploadTooLarge(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
