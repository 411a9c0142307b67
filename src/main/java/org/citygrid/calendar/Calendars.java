package org.citygrid.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.citygrid.calendar.internal.CalendarStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The deadline arithmetic of the current working calendar, for every module that runs a clock. The calendar is the
 * one in the database at the moment of the call: a replaced year takes effect for the next computation.
 */
@Service
public class Calendars {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CalendarStore store;
    private final MessageSource messages;

    Calendars(CalendarStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    /** The calendar as it is now; immutable, so a caller may keep it for a batch of computations. */
    public WorkingCalendar current() {
        return store.current();
    }

    public ZoneId zone() {
        return current().zone();
    }

    /** See {@link WorkingCalendar#deadline}; a negative or absurdly large amount is an IllegalArgumentException. */
    public Deadline deadline(Instant start, long amount, TimeUnit unit) {
        return current().deadline(start, amount, unit);
    }

    public Duration workingTimeBetween(Instant from, Instant to) {
        return current().workingTimeBetween(from, to);
    }

    public Instant addWorkingTime(Instant start, Duration length) {
        return current().addWorkingTime(start, length);
    }

    public boolean isWorkingDay(LocalDate date) {
        return current().isWorkingDay(date);
    }

    /**
     * Time elapsed between two instants in the unit's family: working-window time for working units, continuous time
     * for natural ones. Used for paused (parked) time and for the traffic light.
     */
    public Duration elapsed(Instant from, Instant to, TimeUnit unit) {
        if (unit.isWorking()) {
            return workingTimeBetween(from, to);
        }
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    /** Moves an instant on by time of the unit's family (e.g. a deadline by the time a case was parked). */
    public Instant plusElapsed(Instant instant, Duration length, TimeUnit unit) {
        return unit.isWorking() ? addWorkingTime(instant, length) : instant.plus(length);
    }

    /** The explanation of a deadline, one sentence a line, in the reader's language. */
    public List<String> explain(Deadline deadline, Locale locale) {
        return deadline.explanation().stream().map(line -> render(line, locale)).toList();
    }

    public String render(Explanation line, Locale locale) {
        var args = line.args().stream().map(arg -> text(arg, locale)).toArray();
        return messages.getMessage(line.key(), args, line.key(), locale);
    }

    private String text(Object arg, Locale locale) {
        return switch (arg) {
            case LocalDateTime dateTime -> DATE_TIME.format(dateTime);
            case LocalTime time -> TIME.format(time);
            case LocalDate date -> date.toString();
            case TimeUnit unit -> messages.getMessage(unit.messageKey(), null, unit.name(), locale);
            case Explanation.HolidayName name ->
                    messages.getMessage("calendar.holiday." + name.value(), null, name.value(), locale);
            default -> String.valueOf(arg);
        };
    }
}
