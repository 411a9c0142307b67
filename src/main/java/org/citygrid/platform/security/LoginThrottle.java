package org.citygrid.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a username, a client address) and locks a key out for a while once it fails too
 * often within a window. In memory on each node: an attacker spreading attempts over N nodes gets N times the
 * allowance, which still turns an online guessing attack from millions of tries an hour into a handful.
 */
public class LoginThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** When the key is locked out: until when. */
    public Optional<Instant> lockedUntil(String key) {
        var entry = failures.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            var now = clock.instant();
            if (entry.lockedUntil != null && now.isBefore(entry.lockedUntil)) {
                return Optional.of(entry.lockedUntil);
            }
            return Optional.empty();
        }
    }

    public void recordFailure(String key) {
        var now = clock.instant();
        var entry = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (entry) {
            while (!entry.times.isEmpty() && !entry.times.peekFirst().isAfter(now.minus(window))) {
                entry.times.removeFirst();
            }
            entry.times.addLast(now);
            if (entry.times.size() >= maxFailures) {
                entry.lockedUntil = now.plus(lockout);
                entry.times.clear();
            }
        }
        if (failures.size() > 100_000) {
            evictExpired(now);
        }
    }

    public void recordSuccess(String key) {
        failures.remove(key);
    }

    private void evictExpired(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                var f = e.getValue();
                boolean locked = f.lockedUntil != null && now.isBefore(f.lockedUntil);
                boolean recent = !f.times.isEmpty() && f.times.peekLast().isAfter(now.minus(window));
                return !locked && !recent;
            }
        });
    }

    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;
    }
}
