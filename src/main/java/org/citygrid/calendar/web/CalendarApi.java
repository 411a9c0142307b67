package org.citygrid.calendar.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.ListedDay;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.internal.CalendarYear;
import org.citygrid.calendar.internal.CalendarYears;
import org.citygrid.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Deadlines with their explanations, and the holiday data of each year (replaced by administrators). */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "Working calendar: deadlines, days off and make-up workdays")
class CalendarApi {

    /** A '+' of an offset arrives as a space when a client forgets to write it as %2B in the query string. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile(" (\\d{2}:?\\d{2})$");

    private final Calendars calendars;
    private final CalendarYears years;

    CalendarApi(Calendars calendars, CalendarYears years) {
        this.calendars = calendars;
        this.years = years;
    }

    record DeadlineView(String start, long amount, TimeUnit unit, String deadline, List<String> explanation) {
    }

    record DayView(String date, String name, boolean isOffDay) {
    }

    record YearView(int year, List<String> papers, CalendarYear.Source source, Instant updatedAt, int version,
                    long offDays, long makeUpDays, List<DayView> days) {
    }

    @GetMapping("/deadline")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The deadline of a time limit started at a given instant, with the reasons for it")
    DeadlineView deadline(
            @Parameter(description = "ISO 8601 with offset, e.g. 2026-09-30T17:00:00+08:00 (+ as %2B); "
                    + "without an offset it is local time of the jurisdiction") @RequestParam String start,
            @Parameter(description = "0 or more") @RequestParam long amount,
            @RequestParam TimeUnit unit, Locale locale) {
        var zone = calendars.zone();
        var from = parseStart(start, zone);
        if (amount < 0 || amount > WorkingCalendar.maxAmount(unit)) {
            throw new DomainException.BadRequest("amount", "calendar.error.amount", String.valueOf(amount),
                    unit.name(), String.valueOf(WorkingCalendar.maxAmount(unit)));
        }
        var deadline = calendars.deadline(from, amount, unit);
        return new DeadlineView(format(from, zone), amount, unit, format(deadline.at(), zone),
                calendars.explain(deadline, locale));
    }

    @GetMapping("/years/{year}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The days off and make-up workdays listed for a year; 404 when the year has no data")
    YearView year(@PathVariable int year) {
        var found = years.year(year);
        var days = found.days();
        return new YearView(found.year(), found.papers(), found.source(), found.updatedAt(), found.version(),
                days.stream().filter(ListedDay::offDay).count(), days.stream().filter(d -> !d.offDay()).count(),
                days.stream().map(d -> new DayView(d.date().toString(), d.name(), d.offDay())).toList());
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a year's days with a holiday-cn document (ADMIN); 422 and nothing saved if it is "
            + "not for that year or not holiday-cn shaped")
    CalendarYears.Summary replaceYear(@PathVariable int year, @RequestBody JsonNode document) {
        return years.replace(year, document);
    }

    static Instant parseStart(String text, ZoneId zone) {
        var value = SPACE_FOR_PLUS.matcher(text.trim()).replaceFirst("+$1");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new DomainException.BadRequest("start", "calendar.error.start", text);
            }
        }
    }

    private static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
}
