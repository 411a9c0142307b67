package org.citygrid.calendar;

import java.time.LocalTime;
import java.util.Objects;

/** A stretch of local time on a working day during which working time runs, e.g. 08:00–12:00. */
public record WorkingWindow(LocalTime opens, LocalTime closes) {

    public WorkingWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a working window must open before it closes: " + opens + "-" + closes);
        }
    }

    /** Parses {@code 08:00-12:00}. */
    public static WorkingWindow parse(String text) {
        var parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working window is written HH:mm-HH:mm, not " + text);
        }
        return new WorkingWindow(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    @Override
    public String toString() {
        return opens + "–" + closes;
    }
}
