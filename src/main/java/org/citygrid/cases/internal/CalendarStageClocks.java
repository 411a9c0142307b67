package org.citygrid.cases.internal;

import java.time.Duration;
import java.time.Instant;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.StageClockCalculator;
import org.springframework.stereotype.Component;

/** The stage clock arithmetic of the current working calendar (a replaced year counts from the next call). */
@Component
class CalendarStageClocks implements StageClockCalculator {

    private final Calendars calendars;

    CalendarStageClocks(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public Instant deadline(Instant start, long amount, TimeUnit unit) {
        return calendars.deadline(start, amount, unit).at();
    }

    @Override
    public Duration elapsed(Instant from, Instant to, TimeUnit unit) {
        return calendars.elapsed(from, to, unit);
    }

    @Override
    public Instant plusElapsed(Instant instant, Duration length, TimeUnit unit) {
        return calendars.plusElapsed(instant, length, unit);
    }
}
