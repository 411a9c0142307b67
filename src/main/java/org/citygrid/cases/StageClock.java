package org.citygrid.cases;

import java.time.Duration;
import java.time.Instant;

import org.citygrid.calendar.TimeUnit;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One run of a stage clock. HANDLE belongs to an assignment ({@code assignmentNo}); a paused clock (case parked) has
 * {@code pausedAt}; an ended one {@code endedAt}. The deadline moves with extensions and with paused time.
 */
@Table("case_stage")
public record StageClock(Stage stage, int assignmentNo, Instant startedAt, int limitAmount, TimeUnit limitUnit,
                         Instant deadline, Instant pausedAt, Instant endedAt) {

    public boolean isRunning() {
        return endedAt == null && pausedAt == null;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    StageClock ended(Instant at) {
        return new StageClock(stage, assignmentNo, startedAt, limitAmount, limitUnit, deadline, pausedAt, at);
    }

    StageClock reopened() {
        return new StageClock(stage, assignmentNo, startedAt, limitAmount, limitUnit, deadline, null, null);
    }

    StageClock paused(Instant at) {
        return new StageClock(stage, assignmentNo, startedAt, limitAmount, limitUnit, deadline, at, endedAt);
    }

    /** Continues after a pause: the deadline moves by the time (of the unit's family) that passed while paused. */
    StageClock resumed(Instant at, StageClockCalculator calc) {
        var paused = calc.elapsed(pausedAt, at, limitUnit);
        return new StageClock(stage, assignmentNo, startedAt, limitAmount, limitUnit,
                calc.plusElapsed(deadline, paused, limitUnit), null, endedAt);
    }

    /** An extension: the amount is added to the current deadline, computed from the current deadline. */
    StageClock extended(int amount, TimeUnit unit, StageClockCalculator calc) {
        return new StageClock(stage, assignmentNo, startedAt, limitAmount, limitUnit,
                calc.deadline(deadline, amount, unit), pausedAt, endedAt);
    }

    /**
     * The traffic light at {@code now}: the share of the time from start to deadline that has elapsed (in the unit's
     * family) by now, by the pause or by the end, whichever came first.
     */
    public Light light(Instant now, StageClockCalculator calc) {
        var t = endedAt != null ? endedAt : pausedAt != null ? pausedAt : now;
        var limit = calc.elapsed(startedAt, deadline, limitUnit);
        if (limit.isZero()) {
            return t.isAfter(deadline) ? Light.RED : Light.YELLOW;
        }
        Duration elapsed = calc.elapsed(startedAt, t, limitUnit);
        if (t.isAfter(deadline) && elapsed.compareTo(limit) <= 0) {
            return Light.RED;
        }
        return Light.of((double) elapsed.toSeconds() / limit.toSeconds());
    }

    /** Past its deadline at {@code now} while it still runs, or ended after its deadline. */
    public boolean isOverdue(Instant now) {
        var t = endedAt != null ? endedAt : pausedAt != null ? pausedAt : now;
        return t.isAfter(deadline);
    }
}
