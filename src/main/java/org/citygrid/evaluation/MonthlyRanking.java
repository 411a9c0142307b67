package org.citygrid.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.citygrid.cases.CasesImported;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.platform.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The departments' ranking of the current month so far (综合评价, docs/EVALUATION.md), for the command-centre screen.
 * A month's evaluation reads every case touched in the month (about two seconds for 80,000 cases on PostgreSQL), so
 * the screen never waits for it once a ranking of the month exists:
 * <ul>
 * <li>the ranking is computed when the node is ready and after every import of historical cases, in the background;</li>
 * <li>a ranking older than {@code citygrid.evaluation.ranking-max-age} (default 5 minutes) is still served, and one
 * recomputation starts in the background (the screen shows the instant it is as of);</li>
 * <li>only when there is no ranking of the current month yet (the first request of a node or of a month) does the
 * request compute it, and concurrent requests then wait for that one computation instead of each starting their own.</li>
 * </ul>
 */
@Service
public class MonthlyRanking {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRanking.class);

    /** One department: its place (1 = best score), score (0–100, two decimals; null when nothing to score) and grade. */
    public record Entry(int rank, String departmentCode, String name, BigDecimal score, String grade,
                        boolean insufficientSample) {
    }

    /** The ranking of [from, to) as of {@code asOf}, best first. */
    public record Ranking(LocalDate from, LocalDate to, Instant asOf, List<Entry> entries) {
    }

    private final Evaluator evaluator;
    private final Clock clock;
    private final Duration maxAge;
    private final Executor background;
    private final ReentrantLock computing = new ReentrantLock();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Ranking cached;

    @Autowired
    MonthlyRanking(Evaluator evaluator, Clock clock,
                   @Value("${citygrid.evaluation.ranking-max-age:PT5M}") Duration maxAge) {
        this(evaluator, clock, maxAge, task -> Thread.ofVirtual().name("monthly-ranking").start(task));
    }

    /** With the executor that runs background recomputations (tests run them by hand). */
    MonthlyRanking(Evaluator evaluator, Clock clock, Duration maxAge, Executor background) {
        this.evaluator = evaluator;
        this.clock = clock;
        this.maxAge = maxAge;
        this.background = background;
    }

    /** The current month's department ranking: the last one computed, recomputed in the background when stale. */
    public Ranking departmentsThisMonth() {
        var now = clock.instant();
        var last = cached;
        if (!ofThisMonth(last, now)) {
            return computeIfNeeded(false);
        }
        if (last.asOf().plus(maxAge).isBefore(now)) {
            refreshInBackground();
        }
        return last;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        refreshInBackground();
    }

    /** An import changes the month's figures at once (the demo history, a legacy import). */
    @EventListener
    void on(CasesImported imported) {
        AfterCommit.run(this::refreshInBackground);
    }

    /** At most one background recomputation is queued at a time. */
    void refreshInBackground() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            try {
                refreshQueued.set(false);
                computeIfNeeded(true);
            } catch (RuntimeException e) {
                // the ranking served stays the last one computed; the next stale request tries again
                log.warn("The monthly ranking could not be recomputed", e);
            }
        });
    }

    /**
     * Computes the ranking of the clock's month, one computation at a time; {@code always} false returns a ranking of
     * this month another thread computed while this one waited.
     */
    private Ranking computeIfNeeded(boolean always) {
        computing.lock();
        try {
            var now = clock.instant();
            var last = cached;
            if (!always && ofThisMonth(last, now)) {
                return last;
            }
            var from = month(now);
            var report = evaluator.evaluate(Report.Subject.DEPARTMENTS, null, from, from.plusMonths(1), null);
            var rows = report.rows();
            var entries = new java.util.ArrayList<Entry>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                var r = rows.get(i);
                entries.add(new Entry(i + 1, r.key(), r.name(), r.score(), r.grade(), r.insufficientSample()));
            }
            var fresh = new Ranking(report.from(), report.to(), report.asOf(), List.copyOf(entries));
            cached = fresh;
            return fresh;
        } finally {
            computing.unlock();
        }
    }

    private LocalDate month(Instant now) {
        return LocalDate.ofInstant(now, evaluator.zone()).withDayOfMonth(1);
    }

    /** A ranking of the month {@code now} is in, computed no later than {@code now} (a clock set back recomputes). */
    private boolean ofThisMonth(Ranking r, Instant now) {
        return r != null && r.from().equals(month(now)) && !r.asOf().isAfter(now);
    }
}
