package org.citygrid.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.WorkingWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds the current in-memory {@link WorkingCalendar}, built from the database: loaded on first use, rebuilt after
 * every change made through this node, and rebuilt when another node changed the years (checked at most once per
 * {@code citygrid.calendar.refresh}, default one minute, by a one-row query).
 */
@Component
public class CalendarStore {

    private final CalendarYearRepository years;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<WorkingWindow> windows;
    private final Duration refresh;
    private volatile WorkingCalendar current;
    private volatile String stamp;
    private volatile Instant checkedAt = Instant.MIN;

    CalendarStore(CalendarYearRepository years, JdbcClient jdbc, Clock clock, CalendarProperties properties) {
        this.years = years;
        this.jdbc = jdbc;
        this.clock = clock;
        this.windows = properties.workingWindows();
        this.refresh = properties.refreshInterval();
    }

    public WorkingCalendar current() {
        var calendar = current;
        if (calendar == null) {
            return reload();
        }
        if (clock.instant().isAfter(checkedAt.plus(refresh))) {
            return refreshIfChanged();
        }
        return calendar;
    }

    /** Rebuilds the calendar if the stored years differ from those it was built from. */
    public WorkingCalendar refreshIfChanged() {
        checkedAt = clock.instant();
        var calendar = current;
        return calendar != null && stamp().equals(stamp) ? calendar : reload();
    }

    public synchronized WorkingCalendar reload() {
        var newStamp = stamp();
        var byYear = years.findAll().stream().collect(Collectors.toMap(CalendarYear::year, CalendarYear::days));
        var calendar = new WorkingCalendar(clock.getZone(), windows, byYear);
        stamp = newStamp;
        current = calendar;
        checkedAt = clock.instant();
        return calendar;
    }

    /** Changes whenever a year is added, replaced (its version moves) or deleted. */
    private String stamp() {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS versions, COALESCE(MAX(id), 0) AS last_id "
                        + "FROM calendar_year")
                .query((rs, row) -> rs.getLong("n") + "/" + rs.getLong("versions") + "/" + rs.getLong("last_id"))
                .single();
    }
}
