package org.citygrid.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.citygrid.calendar.ListedDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One calendar year's official days off and make-up workdays, as one holiday-cn document gives them. Replaced as a
 * whole: a new document for the year swaps every listed day at once.
 */
@Table("calendar_year")
public class CalendarYear {

    /** Where a year's data came from. */
    public enum Source { BUNDLED, UPLOADED }

    @Id
    private Long id;
    @Column("year_number")
    private final int year;
    /** The State Council notices the days were read from, one URL a line. */
    private String papers;
    private Source source;
    private Instant updatedAt;
    @MappedCollection(idColumn = "calendar_year_id")
    private Set<Day> days;
    @Version
    private int version;

    @PersistenceCreator
    CalendarYear(Long id, int year, String papers, Source source, Instant updatedAt, Set<Day> days, int version) {
        this.id = id;
        this.year = year;
        this.papers = papers;
        this.source = source;
        this.updatedAt = updatedAt;
        this.days = days;
        this.version = version;
    }

    static CalendarYear create(HolidayDocument document, Source source, Instant now) {
        var created = new CalendarYear(null, document.year(), null, source, now, Set.of(), 0);
        created.replace(document, source, now);
        return created;
    }

    void replace(HolidayDocument document, Source source, Instant now) {
        if (document.year() != year) {
            throw new IllegalArgumentException("document of " + document.year() + " for year " + year);
        }
        this.papers = String.join("\n", document.papers());
        this.source = source;
        this.updatedAt = now;
        this.days = document.days().stream().map(d -> new Day(d.date(), d.name(), d.offDay()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A listed day, stored in {@code calendar_day}. */
    @Table("calendar_day")
    record Day(@Column("day_date") LocalDate date, String name, boolean offDay) {
    }

    public int year() { return year; }
    public List<String> papers() { return papers == null || papers.isEmpty() ? List.of() : List.of(papers.split("\n")); }
    public Source source() { return source; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }

    /** The listed days in date order. */
    public List<ListedDay> days() {
        return days.stream().map(d -> new ListedDay(d.date(), d.name(), d.offDay()))
                .sorted(Comparator.comparing(ListedDay::date)).toList();
    }
}
