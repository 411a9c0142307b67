package org.citygrid.calendar.internal;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.WorkingWindow;
import org.springframework.stereotype.Component;

/**
 * Holds the current in-memory {@link WorkingCalendar}, built from the database: loaded on first use and rebuilt
 * after every change made through this node.
 */
@Component
public class CalendarStore {

    private final CalendarYearRepository years;
    private final Clock clock;
    private final List<WorkingWindow> windows;
    private volatile WorkingCalendar current;

    CalendarStore(CalendarYearRepository years, Clock clock, CalendarProperties properties) {
        this.years = years;
        this.clock = clock;
        this.windows = properties.workingWindows();
    }

    public WorkingCalendar current() {
        var calendar = current;
        return calendar != null ? calendar : reload();
    }

    public synchronized WorkingCalendar reload() {
        var byYear = years.findAll().stream()
                .collect(Collectors.toMap(CalendarYear::year, CalendarYear::days));
        var calendar = new WorkingCalendar(clock.getZone(), windows, byYear);
        current = calendar;
        return calendar;
    }
}
