package org.citygrid.intake.portal;

import java.time.Duration;

/** Too many requests from one client address or for one phone: answered 429 with {@code Retry-After}. */
final class Throttled extends RuntimeException {

    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
        super("throttled for " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
