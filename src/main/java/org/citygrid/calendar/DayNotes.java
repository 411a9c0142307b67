package org.citygrid.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Explains a stretch of dates a working-time deadline crossed: which holidays it skipped (one line per run of
 * consecutive days off with the same name), which make-up workdays it counted, how many ordinary weekend days it
 * skipped, and which years had no holiday data.
 */
final class DayNotes {

    private final WorkingCalendar calendar;
    private final List<Explanation> notes = new ArrayList<>();
    private LocalDate runStart;
    private LocalDate runEnd;
    private String runName;

    DayNotes(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param from    first date crossed
     * @param to      last date crossed
     * @param counted first date on which time was counted (make-up days before it were not used)
     */
    List<Explanation> between(LocalDate from, LocalDate to, LocalDate counted) {
        long weekendDays = 0;
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            var day = calendar.listed(date);
            if (day != null && day.offDay()) {
                holiday(date, day.name());
                continue;
            }
            closeRun();
            if (day != null && WorkingCalendar.isWeekend(date) && !date.isBefore(counted)) {
                notes.add(Explanation.of("make-up-counted", date, new Explanation.HolidayName(day.name())));
            } else if (day == null && WorkingCalendar.isWeekend(date)) {
                weekendDays++;
            }
        }
        closeRun();
        if (weekendDays > 0) {
            notes.add(Explanation.of("weekend-skipped", weekendDays));
        }
        notes.addAll(noData(from, to));
        return notes;
    }

    /** One line per year between the two dates that has no holiday data (Monday–Friday applies). */
    List<Explanation> noData(LocalDate from, LocalDate to) {
        var years = new TreeSet<Integer>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!calendar.hasDataFor(year)) {
                years.add(year);
            }
        }
        return years.stream().map(year -> Explanation.of("no-data", String.valueOf(year))).toList();
    }

    private void holiday(LocalDate date, String name) {
        if (runEnd != null && runEnd.plusDays(1).equals(date) && runName.equals(name)) {
            runEnd = date;
            return;
        }
        closeRun();
        runStart = date;
        runEnd = date;
        runName = name;
    }

    private void closeRun() {
        if (runStart != null) {
            notes.add(runStart.equals(runEnd)
                    ? Explanation.of("holiday-day-skipped", runStart, new Explanation.HolidayName(runName))
                    : Explanation.of("holiday-skipped", runStart, runEnd, new Explanation.HolidayName(runName)));
        }
        runStart = null;
        runEnd = null;
        runName = null;
    }
}
