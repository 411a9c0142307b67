package org.citygrid.cases;

import java.time.Duration;
import java.time.Instant;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.calendar.WorkingCalendar;

/** The deadline arithmetic a case needs; the domain stays free of Spring and of "now". */
public interface StageClockCalculator {

    /** When a limit of {@code amount} {@code unit}s started at {@code start} runs out. */
    Instant deadline(Instant start, long amount, TimeUnit unit);

    /** Time between two instants in the unit's family: working time for working units, continuous otherwise. */
    Duration elapsed(Instant from, Instant to, TimeUnit unit);

    /** An instant moved on by time of the unit's family (a deadline by the time a case was parked). */
    Instant plusElapsed(Instant instant, Duration length, TimeUnit unit);

    /** The calculator of one working calendar (in tests, {@code WorkingCalendar.mondayToFriday()}). */
    static StageClockCalculator of(WorkingCalendar calendar) {
        return new StageClockCalculator() {
            @Override
            public Instant deadline(Instant start, long amount, TimeUnit unit) {
                return calendar.deadline(start, amount, unit).at();
            }

            @Override
            public Duration elapsed(Instant from, Instant to, TimeUnit unit) {
                if (unit.isWorking()) {
                    return calendar.workingTimeBetween(from, to);
                }
                return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
            }

            @Override
            public Instant plusElapsed(Instant instant, Duration length, TimeUnit unit) {
                return unit.isWorking() ? calendar.addWorkingTime(instant, length) : instant.plus(length);
            }
        };
    }
}
