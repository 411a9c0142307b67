package org.citygrid.calendar.internal;

import java.time.Duration;
import java.util.List;

import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.WorkingWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code citygrid.calendar.*}: the working windows of a working day, e.g. {@code [08:00-12:00, 14:00-18:00]} (the
 * default), and {@code refresh}, how often a node checks for years another node changed (default 1m). The time
 * zone is the platform clock's ({@code citygrid.time-zone}).
 */
@ConfigurationProperties("citygrid.calendar")
public record CalendarProperties(List<String> windows, Duration refresh) {

    /** How often a node looks for years changed by another node. */
    public Duration refreshInterval() {
        return refresh == null ? Duration.ofMinutes(1) : refresh;
    }

    public List<WorkingWindow> workingWindows() {
        if (windows == null || windows.isEmpty()) {
            return WorkingCalendar.DEFAULT_WINDOWS;
        }
        return windows.stream().map(WorkingWindow::parse).toList();
    }
}
