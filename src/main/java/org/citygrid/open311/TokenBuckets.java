package org.citygrid.open311;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an API key, a client address): {@code capacity} takes at once, refilled continuously at
 * {@code perMinute}. In memory and per node: behind a load balancer with N nodes a client may get up to N times the
 * rate (docs/OPEN311.md). The map is cleared of full buckets when it grows past {@link #MAX_KEYS}.
 */
final class TokenBuckets {

    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final double capacity;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(Clock clock, int capacity, int perMinute) {
        this.clock = clock;
        this.capacity = capacity;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Takes one token; empty when taken, else how long until one is available. */
    Duration take(String key) {
        long now = nanos();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> refilled(b, now) >= capacity);
        }
        var bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano));
        }
    }

    private double refilled(Bucket b, long now) {
        return Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perNano);
    }

    private long nanos() {
        var t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
