package org.citygrid.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.citygrid.cases.CasesImported;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The screen's ranking never waits for a month's evaluation once one exists: a stale ranking is served while one
 * recomputation runs in the background (run by hand here), and only the first ranking of a month is computed by the
 * request. The evaluator stands in for the figures, which {@code DashboardApiContract} checks against the table.
 */
class MonthlyRankingTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"), ZONE);
    private final Evaluator evaluator = mock(Evaluator.class);
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    private final AtomicInteger evaluations = new AtomicInteger();
    private MonthlyRanking ranking;

    @BeforeEach
    void setUp() {
        when(evaluator.zone()).thenReturn(ZONE);
        when(evaluator.evaluate(any(Report.Subject.class), isNull(), any(LocalDate.class), any(LocalDate.class),
                isNull())).thenAnswer(call -> {
                    int n = evaluations.incrementAndGet();
                    LocalDate from = call.getArgument(2);
                    // evaluation n ranks department "d<n>" first, so each answer can be told from the others
                    var row = new Report.Row("d" + n, "Department " + n, Map.of(), new BigDecimal("90.00"), "A", false,
                            Map.of());
                    return new Report(Report.Subject.DEPARTMENTS, null, from, call.getArgument(3), clock.instant(),
                            List.of(), List.of(row));
                });
        ranking = new MonthlyRanking(evaluator, clock, MAX_AGE, queued::add);
    }

    @Test
    void theFirstRankingOfAMonthIsComputedByTheRequestAndThenServedFromMemory() {
        var first = ranking.departmentsThisMonth();
        assertThat(first.entries()).extracting(MonthlyRanking.Entry::departmentCode).containsExactly("d1");
        assertThat(first.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        clock.advance(MAX_AGE);
        assertThat(ranking.departmentsThisMonth()).isSameAs(first);
        assertThat(evaluations).hasValue(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void aStaleRankingIsServedAtOnceWhileOneRecomputationRunsInTheBackground() {
        var first = ranking.departmentsThisMonth();
        clock.advance(MAX_AGE.plusSeconds(1));
        assertThat(ranking.departmentsThisMonth()).as("stale, but no wait").isSameAs(first);
        assertThat(ranking.departmentsThisMonth()).isSameAs(first);
        assertThat(queued).as("one recomputation for any number of stale requests").hasSize(1);
        assertThat(evaluations).hasValue(1);

        queued.poll().run();
        var second = ranking.departmentsThisMonth();
        assertThat(second.entries()).extracting(MonthlyRanking.Entry::departmentCode).containsExactly("d2");
        assertThat(second.asOf()).isEqualTo(clock.instant());
        assertThat(queued).isEmpty();
    }

    @Test
    void aNewMonthIsNotAnsweredWithTheLastMonthsRanking() {
        ranking.departmentsThisMonth();
        clock.set(Instant.parse("2026-03-31T16:30:00Z")); // 00:30 on 1 April in Shanghai
        var april = ranking.departmentsThisMonth();
        assertThat(april.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(april.entries()).extracting(MonthlyRanking.Entry::departmentCode).containsExactly("d2");
    }

    @Test
    void theNodeComputesTheRankingWhenReadyAndAfterEveryImportSoThatNoRequestWaits() {
        ranking.whenReady();
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(evaluations).hasValue(1);
        assertThat(ranking.departmentsThisMonth().entries()).extracting(MonthlyRanking.Entry::departmentCode)
                .containsExactly("d1");
        assertThat(evaluations).as("the request used the ranking computed when ready").hasValue(1);

        ranking.on(new CasesImported(List.of(), clock.instant()));
        queued.poll().run();
        assertThat(ranking.departmentsThisMonth().entries()).extracting(MonthlyRanking.Entry::departmentCode)
                .as("an import's figures are in the next ranking, though the last one was fresh")
                .containsExactly("d2");
    }

    @Test
    void aFailedRecomputationKeepsTheLastRankingAndTheNextStaleRequestTriesAgain() {
        var first = ranking.departmentsThisMonth();
        clock.advance(MAX_AGE.plusSeconds(1));
        ranking.departmentsThisMonth();
        when(evaluator.evaluate(any(Report.Subject.class), isNull(), any(LocalDate.class), any(LocalDate.class),
                isNull())).thenThrow(new IllegalStateException("database gone"));
        queued.poll().run();
        assertThat(ranking.departmentsThisMonth()).isSameAs(first);
        assertThat(queued).as("tried again").hasSize(1);
    }
}
