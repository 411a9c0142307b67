package org.citygrid.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.platform.AfterCommit;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * The figures every dashboard shows are the same for all viewers, so each is computed once and shared: an entry is
 * served until a case event commits (reported, transitioned, a light turned, an import) or it is {@code maxAge} old
 * (lights also change as time passes; the SLA monitor's events catch that within its interval, the age bound in any
 * case). Invalidation runs synchronously right after the commit, before the action's caller is answered, so a reader
 * never sees figures older than its own committed change. A result computed while an invalidation happened is not
 * stored (the generation it started with is no longer current).
 */
@Component
public class DashboardCache {

    /** More distinct keys than this (map windows of many screens) and the cache starts afresh. */
    static final int MAX_ENTRIES = 500;

    private record Entry(long generation, Instant at, Object value) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final Duration maxAge;

    DashboardCache(Clock clock, DashboardSettings settings) {
        this.clock = clock;
        this.maxAge = settings.maxAge();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        long current = generation.get();
        var now = clock.instant();
        var entry = entries.get(key);
        if (entry != null && entry.generation() == current && !now.isBefore(entry.at())
                && Duration.between(entry.at(), now).compareTo(maxAge) < 0) {
            return (T) entry.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        if (generation.get() == current) {
            entries.put(key, new Entry(current, now, value));
        }
        return value;
    }

    public void invalidate() {
        generation.incrementAndGet();
    }

    // Plain listeners that invalidate once the publishing transaction has committed. Not
    // @TransactionalEventListener: Spring Modulith records every transactional listener of a published event in its
    // publication registry, in a transaction of its own, on the request's thread while the request still holds its
    // connection — two connections per report, and a pool exhausted by a few concurrent reports (the intake load
    // test hung on exactly that). Forgetting the figures needs no record and no connection.
    @EventListener
    void on(CaseReported e) {
        invalidateAfterCommit();
    }

    @EventListener
    void on(CaseTransitioned e) {
        invalidateAfterCommit();
    }

    @EventListener
    void on(StageClockTurned e) {
        invalidateAfterCommit();
    }

    @EventListener
    void on(CasesImported e) {
        invalidateAfterCommit();
    }

    private void invalidateAfterCommit() {
        AfterCommit.run(() -> invalidate());
    }
}
