package org.citygrid.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citygrid.calendar.internal.CalendarStore;
import org.citygrid.calendar.internal.CalendarYear;
import org.citygrid.calendar.internal.CalendarYears;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.calendar.HolidayData.at;

/** The calendar's persistence rules; run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
abstract class CalendarPersistenceContract {

    @Autowired
    CalendarYears years;
    @Autowired
    Calendars calendars;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarStore store;

    private final JsonMapper json = JsonMapper.builder().build();

    private tools.jackson.databind.JsonNode document(int year, String days) {
        return json.readTree("{\"year\":" + year + ",\"papers\":[\"https://www.gov.cn/example\"],\"days\":[" + days
                + "]}");
    }

    @Test
    void importsTheBundledYearsAtStartUp() {
        var year2026 = years.year(2026);
        assertThat(year2026.source()).isEqualTo(CalendarYear.Source.BUNDLED);
        assertThat(year2026.days()).hasSize(39);
        assertThat(year2026.papers()).containsExactly("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
        assertThat(years.year(2023).days()).extracting(ListedDay::date).contains(LocalDate.of(2022, 12, 31));
        assertThat(calendars.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendars.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(calendars.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void aReplacedYearTakesEffectForTheNextDeadline() {
        assertThat(calendars.deadline(at("2031-09-30T17:00"), 1, TimeUnit.WORK_DAYS).at())
                .isEqualTo(at("2031-10-01T18:00"));

        var summary = years.replace(2031, document(2031, """
                {"name":"国庆节","date":"2031-10-01","isOffDay":true},
                {"name":"国庆节","date":"2031-10-02","isOffDay":true},
                {"name":"国庆节","date":"2031-10-04","isOffDay":false}"""));

        assertThat(summary).isEqualTo(new CalendarYears.Summary(2031, 2, 1));
        assertThat(years.year(2031).days()).extracting(ListedDay::date, ListedDay::offDay).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 10, 1), true),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 10, 2), true),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 10, 4), false));
        assertThat(calendars.deadline(at("2031-09-30T17:00"), 1, TimeUnit.WORK_DAYS).at())
                .isEqualTo(at("2031-10-03T18:00"));
        assertThat(calendars.deadline(at("2031-09-30T17:00"), 2, TimeUnit.WORK_DAYS).at())
                .isEqualTo(at("2031-10-04T18:00"));
    }

    @Test
    void replacingAYearSwapsAllItsDaysAndMovesItsVersion() {
        years.replace(2032, document(2032, """
                {"name":"元旦","date":"2032-01-01","isOffDay":true},
                {"name":"元旦","date":"2032-01-02","isOffDay":true}"""));
        var first = years.year(2032);

        years.replace(2032, document(2032, """
                {"name":"劳动节","date":"2032-05-03","isOffDay":true}"""));

        var second = years.year(2032);
        assertThat(second.days()).extracting(ListedDay::date).containsExactly(LocalDate.of(2032, 5, 3));
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(second.source()).isEqualTo(CalendarYear.Source.UPLOADED);
        assertThat(calendars.isWorkingDay(LocalDate.of(2032, 1, 1))).isTrue();
        assertThat(calendars.isWorkingDay(LocalDate.of(2032, 5, 3))).isFalse();
    }

    @Test
    void aBadDocumentSavesNothingAndKeepsTheOldDays() {
        years.replace(2034, document(2034, """
                {"name":"元旦","date":"2034-01-02","isOffDay":true}"""));

        assertThatThrownBy(() -> years.replace(2034, document(2034, """
                {"name":"春节","date":"2034-02-20","isOffDay":true},
                {"name":"春节","date":"2034-02-20","isOffDay":true}""")))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> years.replace(2035, document(2035, """
                {"name":"春节","date":"2035-02-20","isOffDay":"yes"}""")))
                .isInstanceOf(DomainException.Invalid.class);

        assertThat(years.year(2034).days()).extracting(ListedDay::date).containsExactly(LocalDate.of(2034, 1, 2));
        assertThatThrownBy(() -> years.year(2035)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void picksUpAYearAnotherNodeStored() {
        jdbc.sql("INSERT INTO calendar_year (year_number, papers, source, updated_at, version) "
                + "VALUES (2033, '', 'UPLOADED', CURRENT_TIMESTAMP, 0)").update();
        var yearId = jdbc.sql("SELECT id FROM calendar_year WHERE year_number = 2033").query(Long.class).single();
        jdbc.sql("INSERT INTO calendar_day (calendar_year_id, day_date, name, off_day) VALUES (?, ?, '植树节', TRUE)")
                .params(yearId, LocalDate.of(2033, 3, 1)).update();

        store.refreshIfChanged();

        assertThat(calendars.isWorkingDay(LocalDate.of(2033, 3, 1))).isFalse();
        assertThat(calendars.isWorkingDay(LocalDate.of(2033, 3, 2))).isTrue();
    }

    @Test
    void twoNodesImportingAtOnceStoreEachBundledYearOnce() throws Exception {
        jdbc.sql("DELETE FROM calendar_year WHERE year_number IN (2023, 2024)").update();
        var ready = new CountDownLatch(2);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<List<Integer>>>();
            for (int node = 0; node < 2; node++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return years.importBundled();
                }));
            }
            ready.await();
            go.countDown();
            var imported = new ArrayList<Integer>();
            for (var result : results) {
                imported.addAll(result.get());
            }
            assertThat(imported).containsExactlyInAnyOrder(2023, 2024);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE year_number = 2023").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(years.year(2023).days()).hasSize(34);
        assertThat(years.year(2024).days()).hasSize(36);
        assertThat(calendars.isWorkingDay(LocalDate.of(2024, 10, 1))).isFalse();
    }
}
