package org.citygrid.calendar.internal;

import java.util.List;

import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.WorkingWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code citygrid.calendar.*}: the working windows of a working day, e.g. {@code [08:00-12:00, 14:00-18:00]} (the
 * default). The time zone is the platform clock's ({@code citygrid.time-zone}).
 */
@ConfigurationProperties("citygrid.calendar")
public record CalendarProperties(List<String> windows) {

    public List<WorkingWindow> workingWindows() {
        if (windows == null || windows.isEmpty()) {
            return WorkingCalendar.DEFAULT_WINDOWS;
        }
        return windows.stream().map(WorkingWindow::parse).toList();
    }
}
