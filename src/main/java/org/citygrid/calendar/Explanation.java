package org.citygrid.calendar;

import java.util.List;
import java.util.Objects;

/**
 * One line of a deadline's explanation, kept as a message key of the calendar bundle with its arguments so that
 * the web layer can say it in the reader's language ({@link Calendars#render(Explanation, java.util.Locale)}).
 * Arguments are numbers, strings, {@link java.time.LocalDate}s, {@link java.time.LocalDateTime}s,
 * {@link TimeUnit}s and {@link HolidayName}s.
 */
public record Explanation(String key, List<Object> args) {

    public Explanation {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    static Explanation of(String key, Object... args) {
        return new Explanation("calendar.explain." + key, List.of(args));
    }

    /** A holiday's name as the data gives it (国庆节); rendered through {@code calendar.holiday.<name>} if present. */
    public record HolidayName(String value) {
        @Override
        public String toString() {
            return value;
        }
    }
}
