package org.citygrid.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.citygrid.calendar.ListedDay;
import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.platform.DomainException;

import tools.jackson.databind.JsonNode;

/**
 * A holiday-cn document (github.com/NateScarlet/holiday-cn): {@code {year, papers[], days:[{name, date,
 * isOffDay}]}}, checked against the year it is meant for. Every rule broken is a 422 naming the field.
 */
public record HolidayDocument(int year, List<String> papers, List<ListedDay> days) {

    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2199;
    static final int MAX_NAME = 50;

    public HolidayDocument {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }

    /** Reads and checks a document meant for {@code expectedYear}. */
    public static HolidayDocument read(JsonNode json, int expectedYear) {
        if (json == null || !json.isObject()) {
            throw invalid(null, "calendar.error.not-an-object");
        }
        var year = json.get("year");
        if (year == null || !year.isIntegralNumber() || !year.canConvertToInt()) {
            throw invalid("year", "calendar.error.year-missing");
        }
        if (year.intValue() != expectedYear) {
            throw invalid("year", "calendar.error.year-mismatch", String.valueOf(year.intValue()),
                    String.valueOf(expectedYear));
        }
        return new HolidayDocument(expectedYear, papers(json.get("papers")), days(json.get("days"), expectedYear));
    }

    private static List<String> papers(JsonNode papers) {
        if (papers == null || !papers.isArray()) {
            throw invalid("papers", "calendar.error.papers");
        }
        var result = new ArrayList<String>();
        for (var paper : papers) {
            if (!paper.isString() || paper.stringValue().isBlank() || paper.stringValue().contains("\n")) {
                throw invalid("papers", "calendar.error.papers");
            }
            result.add(paper.stringValue().trim());
        }
        return result;
    }

    private static List<ListedDay> days(JsonNode days, int year) {
        if (days == null || !days.isArray()) {
            throw invalid("days", "calendar.error.days");
        }
        var result = new ArrayList<ListedDay>();
        var seen = new HashSet<LocalDate>();
        for (int i = 0; i < days.size(); i++) {
            var day = day(days.get(i), "days[" + i + "]", year);
            if (!seen.add(day.date())) {
                throw invalid("days[" + i + "].date", "calendar.error.date-repeated", day.date().toString());
            }
            result.add(day);
        }
        return result;
    }

    private static ListedDay day(JsonNode day, String field, int year) {
        if (!day.isObject()) {
            throw invalid(field, "calendar.error.day-not-an-object");
        }
        var name = day.get("name");
        if (name == null || !name.isString() || name.stringValue().isBlank()
                || name.stringValue().trim().length() > MAX_NAME) {
            throw invalid(field + ".name", "calendar.error.day-name", String.valueOf(MAX_NAME));
        }
        var offDay = day.get("isOffDay");
        if (offDay == null || !offDay.isBoolean()) {
            throw invalid(field + ".isOffDay", "calendar.error.day-off");
        }
        var date = date(day.get("date"), field + ".date");
        if (!WorkingCalendar.belongsTo(date, year)) {
            throw invalid(field + ".date", "calendar.error.date-outside-year", date.toString(), String.valueOf(year));
        }
        return new ListedDay(date, name.stringValue().trim(), offDay.booleanValue());
    }

    private static LocalDate date(JsonNode date, String field) {
        if (date == null || !date.isString()) {
            throw invalid(field, "calendar.error.date", "");
        }
        try {
            return LocalDate.parse(date.stringValue());
        } catch (DateTimeParseException e) {
            throw invalid(field, "calendar.error.date", date.stringValue());
        }
    }

    public long offDays() {
        return days.stream().filter(ListedDay::offDay).count();
    }

    public long makeUpDays() {
        return days.size() - offDays();
    }

    private static DomainException.Invalid invalid(String field, String key, Object... args) {
        return new DomainException.Invalid(field, key, args);
    }
}
