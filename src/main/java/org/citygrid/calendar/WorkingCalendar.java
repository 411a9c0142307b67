package org.citygrid.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The jurisdiction's working calendar and the deadline arithmetic of every {@link TimeUnit}, exactly as
 * shared/domain/WORKFLOW.md ("Time units") defines it. Immutable and free of Spring: build one from a zone, the
 * working windows and the listed days of each year that has data; a year without data uses Monday–Friday.
 * Work-time arithmetic walks whole windows and days, never minutes, so a century of limit costs microseconds.
 */
public final class WorkingCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final List<WorkingWindow> DEFAULT_WINDOWS = List.of(
            new WorkingWindow(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new WorkingWindow(LocalTime.of(14, 0), LocalTime.of(18, 0)));
    /** The longest limit accepted, in days (a century); longer ones are certainly typing errors. */
    public static final long MAX_DAYS = 36_500;
    /** How far into a neighbouring year a year's holiday document may reach. */
    public static final int SPILL_OVER_DAYS = 7;

    private final ZoneId zone;
    private final List<WorkingWindow> windows;
    private final Map<LocalDate, ListedDay> listed;
    private final Set<Integer> yearsWithData;

    /**
     * @param years the listed days of every year that has data, by year; each date must lie in its year and appear
     *              once
     */
    public WorkingCalendar(ZoneId zone, List<WorkingWindow> windows, Map<Integer, ? extends Collection<ListedDay>> years) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.windows = checkedWindows(windows);
        this.yearsWithData = Set.copyOf(years.keySet());
        var days = new HashMap<LocalDate, ListedDay>();
        years.forEach((year, list) -> list.forEach(day -> {
            if (!belongsTo(day.date(), year)) {
                throw new IllegalArgumentException(day.date() + " is not in " + year);
            }
            if (day.date().getYear() == year && days.put(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice");
            }
        }));
        // A neighbouring year's notice decides a date only where the date's own year says nothing about it.
        years.forEach((year, list) -> list.stream().filter(day -> day.date().getYear() != year)
                .forEach(day -> days.putIfAbsent(day.date(), day)));
        this.listed = Map.copyOf(days);
    }

    /**
     * Whether a year's document may list the date: a date of that year, or one of the {@value #SPILL_OVER_DAYS}
     * days around the turn of the year, for a holiday run that straddles it (holiday-cn's 2023 document lists
     * 2022-12-31 as the first day of the New Year holiday).
     */
    public static boolean belongsTo(LocalDate date, int year) {
        return !date.isBefore(LocalDate.of(year, 1, 1).minusDays(SPILL_OVER_DAYS))
                && !date.isAfter(LocalDate.of(year, 12, 31).plusDays(SPILL_OVER_DAYS));
    }

    /** Monday–Friday with the default windows in Asia/Shanghai, no holiday data. */
    public static WorkingCalendar mondayToFriday() {
        return new WorkingCalendar(DEFAULT_ZONE, DEFAULT_WINDOWS, Map.of());
    }

    private static List<WorkingWindow> checkedWindows(List<WorkingWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working window");
        }
        var sorted = windows.stream().sorted(Comparator.comparing(WorkingWindow::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                throw new IllegalArgumentException("working windows overlap: " + sorted);
            }
        }
        return sorted;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingWindow> windows() {
        return windows;
    }

    public boolean hasDataFor(int year) {
        return yearsWithData.contains(year);
    }

    /** Monday–Friday and not an official day off, or a listed make-up workday. */
    public boolean isWorkingDay(LocalDate date) {
        var day = listed.get(date);
        return day != null ? !day.offDay() : !isWeekend(date);
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    ListedDay listed(LocalDate date) {
        return listed.get(date);
    }

    /** The largest amount accepted for a unit: {@link #MAX_DAYS} days' worth. */
    public static long maxAmount(TimeUnit unit) {
        return switch (unit) {
            case NATURAL_MINUTES, WORK_MINUTES -> MAX_DAYS * 24 * 60;
            case NATURAL_HOURS, WORK_HOURS -> MAX_DAYS * 24;
            case WORK_DAYS, NATURAL_DAYS -> MAX_DAYS;
        };
    }

    /** The deadline of a limit of {@code amount} {@code unit}s started at {@code start}, with its explanation. */
    public Deadline deadline(Instant start, long amount, TimeUnit unit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (amount < 0 || amount > maxAmount(unit)) {
            throw new IllegalArgumentException("amount must be 0.." + maxAmount(unit) + " for " + unit + ": " + amount);
        }
        return switch (unit) {
            case NATURAL_MINUTES -> natural(start, amount, unit, Duration.ofMinutes(amount));
            case NATURAL_HOURS -> natural(start, amount, unit, Duration.ofHours(amount));
            case WORK_MINUTES -> working(start, amount, unit, Duration.ofMinutes(amount));
            case WORK_HOURS -> working(start, amount, unit, Duration.ofHours(amount));
            case WORK_DAYS -> workDays(start, amount);
            case NATURAL_DAYS -> naturalDays(start, amount);
        };
    }

    private Deadline natural(Instant start, long amount, TimeUnit unit, Duration length) {
        return new Deadline(start, amount, unit, start.plus(length),
                List.of(Explanation.of("natural-time", amount, unit)));
    }

    private Deadline working(Instant start, long amount, TimeUnit unit, Duration length) {
        var notes = new ArrayList<Explanation>();
        notes.add(Explanation.of("working-time", amount, unit, windowsText()));
        var begins = countingBegins(start);
        if (!begins.equals(start)) {
            notes.add(Explanation.of("counting-begins", begins.atZone(zone).toLocalDateTime()));
        }
        if (amount == 0) {
            var at = isInOrClosingAWindow(start) ? start : begins;
            notes.add(Explanation.of("zero-working", at.atZone(zone).toLocalDateTime()));
            return new Deadline(start, amount, unit, at, notes);
        }
        var at = addWorkingTime(start, length);
        notes.addAll(new DayNotes(this).between(date(start), date(at), date(begins)));
        return new Deadline(start, amount, unit, at, notes);
    }

    private Deadline workDays(Instant start, long amount) {
        var startDate = date(start);
        if (amount == 0) {
            return new Deadline(start, 0, TimeUnit.WORK_DAYS, start, List.of(Explanation.of("zero")));
        }
        var date = startDate;
        for (long counted = 0; counted < amount; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        var closes = windows.getLast().closes();
        var notes = new ArrayList<Explanation>();
        notes.add(Explanation.of("start-date-not-counted", startDate));
        notes.addAll(new DayNotes(this).between(startDate.plusDays(1), date, startDate.plusDays(1)));
        notes.add(Explanation.of("work-days-end", amount, date, closes));
        return new Deadline(start, amount, TimeUnit.WORK_DAYS, instant(date, closes), notes);
    }

    private Deadline naturalDays(Instant start, long amount) {
        if (amount == 0) {
            return new Deadline(start, 0, TimeUnit.NATURAL_DAYS, start, List.of(Explanation.of("zero")));
        }
        var target = date(start).plusDays(amount);
        var landing = target;
        while (!isWorkingDay(landing)) {
            landing = landing.plusDays(1);
        }
        var notes = new ArrayList<Explanation>();
        notes.add(Explanation.of("natural-days", amount, target));
        if (!landing.equals(target)) {
            var day = listed.get(target);
            notes.add(day != null
                    ? Explanation.of("moved-off-holiday", target, new Explanation.HolidayName(day.name()), landing)
                    : Explanation.of("moved-off-weekend", target, landing));
        }
        notes.addAll(new DayNotes(this).noData(date(start), landing));
        return new Deadline(start, amount, TimeUnit.NATURAL_DAYS, landing.plusDays(1).atStartOfDay(zone).toInstant(),
                notes);
    }

    /**
     * The instant at which {@code length} of working-window time has elapsed after {@code start} (time outside the
     * windows and on non-working days does not count). A zero length gives {@code start} itself.
     */
    public Instant addWorkingTime(Instant start, Duration length) {
        Objects.requireNonNull(start, "start");
        if (length.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + length);
        }
        if (length.isZero()) {
            return start;
        }
        if (length.toDays() > MAX_DAYS * 24) {
            throw new IllegalArgumentException("working time to add is longer than a century: " + length);
        }
        var remaining = length;
        for (var date = date(start); ; date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (var window : windows) {
                var close = instant(date, window.closes());
                if (!close.isAfter(start)) {
                    continue;
                }
                var from = max(instant(date, window.opens()), start);
                var available = Duration.between(from, close);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** Working-window time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        var total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        var last = date(to);
        for (var date = date(from); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (var window : windows) {
                var begin = max(instant(date, window.opens()), from);
                var end = min(instant(date, window.closes()), to);
                if (end.isAfter(begin)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    /** The first instant at or after {@code t} at which working time runs (t itself if it is inside a window). */
    public Instant countingBegins(Instant t) {
        for (var date = date(t); ; date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (var window : windows) {
                var close = instant(date, window.closes());
                if (close.isAfter(t)) {
                    return max(instant(date, window.opens()), t);
                }
            }
        }
    }

    /** Whether {@code t} lies in a window of a working day, its closing instant included. */
    public boolean isInOrClosingAWindow(Instant t) {
        var date = date(t);
        if (!isWorkingDay(date)) {
            return false;
        }
        return windows.stream().anyMatch(w -> !t.isBefore(instant(date, w.opens()))
                && !t.isAfter(instant(date, w.closes())));
    }

    private String windowsText() {
        return windows.stream().map(WorkingWindow::toString).collect(Collectors.joining(", "));
    }

    LocalDate date(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
