package org.citygrid.intake.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a client address, a phone number), in memory: each key may spend {@code capacity} tokens
 * at once and earns one back every {@code refillEvery}. A node forgets its buckets on restart, and each node of a
 * cluster counts alone: good enough against a flood, not an exact quota (docs/PORTAL.md).
 */
final class TokenBuckets {

    /** Above this many keys, full buckets are forgotten (they hold no information). */
    static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final long refillNanos;
    private final Clock clock;
    private final ConcurrentHashMap<String, State> buckets = new ConcurrentHashMap<>();

    private record State(double tokens, Instant at) {
    }

    TokenBuckets(PortalProperties.Bucket bucket, Clock clock) {
        if (bucket.capacity() < 1 || bucket.refillEvery().isNegative() || bucket.refillEvery().isZero()) {
            throw new IllegalArgumentException("a bucket needs a capacity >= 1 and a positive refill interval");
        }
        this.capacity = bucket.capacity();
        this.refillNanos = bucket.refillEvery().toNanos();
        this.clock = clock;
    }

    /** Takes a token for the key: empty if one was free, else how long until the next one is. */
    Optional<Duration> take(String key) {
        if (buckets.size() > MAX_KEYS) {
            forgetFull();
        }
        var now = clock.instant();
        var wait = new Duration[1];
        buckets.compute(key, (k, state) -> {
            double tokens = state == null ? capacity : refilled(state, now);
            if (tokens >= 1) {
                wait[0] = null;
                return new State(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
            return new State(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    private double refilled(State state, Instant now) {
        long elapsed = Math.max(0, Duration.between(state.at(), now).toNanos());
        return Math.min(capacity, state.tokens() + (double) elapsed / refillNanos);
    }

    private void forgetFull() {
        var now = clock.instant();
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
    }
}
