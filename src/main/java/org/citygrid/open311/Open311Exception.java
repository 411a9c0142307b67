package org.citygrid.open311;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal of a GeoReport endpoint, answered in the spec's error format (open311.md §1.4), not as a problem detail:
 * 404 for an unknown resource, 403 for a missing or invalid key, 429 when throttled, 400 for everything else. Each
 * error has a code (the HTTP status, or a more specific one) and a message key for its description.
 */
final class Open311Exception extends RuntimeException {

    /** One {@code <error>}: a code and the message key (with arguments) of its description. */
    record Error(String code, String messageKey, Object... args) {
    }

    private final HttpStatus status;
    private final List<Error> errors;
    private final Duration retryAfter;

    private Open311Exception(HttpStatus status, List<Error> errors, Duration retryAfter) {
        super(status + " " + errors.stream().map(Error::messageKey).toList());
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    static Open311Exception of(HttpStatus status, String messageKey, Object... args) {
        return new Open311Exception(status, List.of(new Error(String.valueOf(status.value()), messageKey, args)), null);
    }

    /** 400 with one error per field that must be fixed (open311.md §1.6.5). */
    static Open311Exception invalid(List<Error> errors) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, errors, null);
    }

    static Open311Exception throttled(Duration retryAfter) {
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS,
                List.of(new Error("429", "open311.error.throttled", Math.max(1, retryAfter.toSeconds()))), retryAfter);
    }

    HttpStatus status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
