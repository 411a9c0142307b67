package org.citygrid.cases.internal.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.citygrid.cases.StageClockCalculator;
import org.citygrid.cases.StageClockTurned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the SLA monitor: SQL picks the running clocks that may have crossed a light since they were last
 * signalled, the domain's light rule ({@link StageClock#light}) decides, and each crossing is recorded and published
 * ({@link StageClockTurned}) in one transaction. The record is conditional, so a crossing is acted on once even when
 * two nodes or two passes race; the schedule's ShedLock lease only keeps the second node from doing the reading twice.
 */
@Service
public class SlaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    /** What one pass did: clocks looked at, clocks newly watched, signals published. */
    public record Pass(int candidates, int watched, int signalled) {
    }

    private final StageSignals signals;
    private final StageClockCalculator calc;
    private final SlaProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlaMonitor(StageSignals signals, StageClockCalculator calc, SlaProperties properties,
               ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.signals = signals;
        this.calc = calc;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public Pass pass() {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var candidates = signals.candidates(now);
        var toWatch = candidates.stream().filter(c -> c.isNew() || c.deadlineMoved()).toList();
        if (!toWatch.isEmpty()) {
            tx.executeWithoutResult(s -> signals.watch(toWatch, toWatch.stream().map(c -> yellowAt(c.clock())).toList()));
        }
        int signalled = 0;
        for (var c : candidates) {
            var light = c.clock().light(now, calc);
            if (light.compareTo(c.signalledNow()) > 0 && signal(c, light, now)) {
                signalled++;
            }
        }
        if (signalled > 0) {
            log.info("SLA monitor: {} clock(s) looked at, {} newly watched, {} signalled", candidates.size(),
                    toWatch.size(), signalled);
        }
        return new Pass(candidates.size(), toWatch.size(), signalled);
    }

    private boolean signal(StageSignals.Candidate c, Light light, Instant now) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!signals.signal(c, light)) {
                return false;
            }
            events.publishEvent(turned(c, light, now));
            return true;
        }));
    }

    private StageClockTurned turned(StageSignals.Candidate c, Light light, Instant now) {
        var stage = c.clock().stage();
        var supervisor = stage == Stage.VERIFY ? c.verifier() : stage == Stage.CHECK ? c.checker() : null;
        return new StageClockTurned(c.caseId(), c.caseNo(), stage, light, now, c.clock().deadline(),
                c.departmentCode(), supervisor, properties.actionsFor(stage, light));
    }

    /** When the clock reaches 80 % of its limit (in the unit's family): from then on SQL offers it again. */
    Instant yellowAt(StageClock clock) {
        var limit = calc.elapsed(clock.startedAt(), clock.deadline(), clock.limitUnit());
        if (limit.isZero() || limit.isNegative()) {
            return clock.startedAt();
        }
        var share = Duration.ofMillis(Math.floorDiv(limit.toMillis() * 4, 5));
        return calc.plusElapsed(clock.startedAt(), share, clock.limitUnit());
    }
}
