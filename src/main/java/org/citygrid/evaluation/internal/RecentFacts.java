package org.citygrid.evaluation.internal;

import java.lang.ref.SoftReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.Stage;
import org.citygrid.platform.AfterCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The case histories of the last few reads of a finished period's facts, so that a drill-down from a report, or the
 * next table of the same period and as-of instant, counts the same facts without reading them again (at a million cases a read
 * is about two seconds; docs/PERFORMANCE-EVALUATION.md).
 *
 * <p>A read is kept by its period, its as-of instant and the stages whose clocks it read, and serves a later read of
 * the same period and instant that needs no other stage. The facts as of an instant are what was recorded up to that
 * instant, so a change recorded later does not touch them. What can: a case event at or before a kept instant (a
 * test's clock set back), and an import of historical cases — both drop the reads they could touch, once committed.
 * What cannot be seen from here (a change made on another node with a clock behind this one's, or a stage clock's
 * deadline moved by a later extension: clocks are read as stored) is bounded by {@code
 * citygrid.evaluation.facts-max-age} (default 10 minutes; 0 keeps nothing). At most {@link #CAPACITY} reads are kept,
 * and softly: the collector may take them back before the heap runs short.
 */
@Component
class RecentFacts {

    /** Finished periods only are kept (the evaluator's choice): the last report pages' and their previous periods. */
    static final int CAPACITY = 2;

    record Key(Instant start, Instant end, Instant asOf) {
    }

    private record Entry(Set<Stage> stages, SoftReference<List<History>> histories, Instant readAt) {
    }

    private final Clock clock;
    private final Duration maxAge;
    /** In access order: the eldest is the least recently used. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(4, 0.75f, true);

    RecentFacts(Clock clock, @Value("${citygrid.evaluation.facts-max-age:PT10M}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The histories of a kept read of this key that read at least {@code stages}; null when there is none. */
    synchronized List<History> get(Key key, Set<Stage> stages) {
        var e = entries.get(key);
        if (e == null) {
            return null;
        }
        var histories = e.histories().get();
        var now = clock.instant();
        if (histories == null || e.readAt().plus(maxAge).isBefore(now) || e.readAt().isAfter(now)) {
            entries.remove(key);
            return null;
        }
        return e.stages().containsAll(stages) ? histories : null;
    }

    /** Keeps a read (replacing one of the same key that read other stages); the least recently used goes. */
    synchronized void put(Key key, Set<Stage> stages, List<History> histories) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return;
        }
        var old = entries.get(key);
        if (old != null && old.histories().get() != null && old.stages().containsAll(stages)) {
            return;
        }
        entries.put(key, new Entry(Set.copyOf(stages), new SoftReference<>(histories), clock.instant()));
        while (entries.size() > CAPACITY) {
            entries.pollFirstEntry();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized void forgetFrom(Instant changedAt) {
        entries.keySet().removeIf(k -> !k.asOf().isBefore(changedAt));
    }

    private synchronized void forgetAll() {
        entries.clear();
    }

    @EventListener
    void on(CaseReported e) {
        AfterCommit.run(() -> forgetFrom(e.at()));
    }

    @EventListener
    void on(CaseTransitioned e) {
        AfterCommit.run(() -> forgetFrom(e.at()));
    }

    /** Imported cases carry their own past instants: any kept read may lack them. */
    @EventListener
    void on(CasesImported e) {
        AfterCommit.run(this::forgetAll);
    }
}
