package org.citygrid.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The departments' ranking of the current month so far (综合评价, docs/EVALUATION.md), for the command-centre screen.
 * A month's evaluation reads every case touched in the month (about a second per 10,000 on PostgreSQL), so the
 * ranking is computed at most once per {@code citygrid.evaluation.ranking-max-age} (default 5 minutes) on a node, not
 * on every case event: a month's scores move slowly, and the screen says when they were computed.
 */
@Service
public class MonthlyRanking {

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
    private volatile Ranking cached;

    MonthlyRanking(Evaluator evaluator, Clock clock,
                   @Value("${citygrid.evaluation.ranking-max-age:PT5M}") Duration maxAge) {
        this.evaluator = evaluator;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The current month's department ranking, computed at most {@code ranking-max-age} ago. */
    public Ranking departmentsThisMonth() {
        var now = clock.instant();
        var from = LocalDate.ofInstant(now, evaluator.zone()).withDayOfMonth(1);
        var last = cached;
        if (last != null && last.from().equals(from) && !last.asOf().plus(maxAge).isBefore(now)
                && !last.asOf().isAfter(now)) {
            return last;
        }
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
    }
}
