package org.citygrid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.citygrid.calendar.Deadline;
import org.citygrid.calendar.ListedDay;
import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.calendar.internal.HolidayDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Deadline arithmetic of the working calendar built from the bundled holiday files (2025 and 2026, as the app imports
 * them), for start instants spread over 2026 so that limits cross the Spring Festival, Qingming, May Day, Dragon Boat
 * and National Day holidays and their make-up working days.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DeadlineBenchmark {

    static final int STARTS = 1 << 10;

    WorkingCalendar calendar;
    Instant[] starts;
    int next;

    @Setup(Level.Trial)
    public void build() {
        var mapper = JsonMapper.builder().build();
        var years = new HashMap<Integer, List<ListedDay>>();
        for (int year : new int[] {2025, 2026}) {
            try {
                var json = mapper.readTree(new ClassPathResource("reference/holidays/" + year + ".json")
                        .getContentAsByteArray());
                years.put(year, HolidayDocument.read(json, year).days());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        calendar = new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE, WorkingCalendar.DEFAULT_WINDOWS, years);
        var random = new Random(7);
        starts = new Instant[STARTS];
        var first = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < STARTS; i++) {
            // any minute of 2026 up to mid-December, so that every limit below ends inside the calendar's data
            starts[i] = first.plusMinutes(random.nextInt(345 * 24 * 60)).atZone(WorkingCalendar.DEFAULT_ZONE)
                    .toInstant();
        }
    }

    private Instant start() {
        return starts[next++ & (STARTS - 1)];
    }

    /** 4 working hours, counted in minutes of the working windows. */
    @Benchmark
    public Deadline workMinutes240() {
        return calendar.deadline(start(), 240, org.citygrid.calendar.TimeUnit.WORK_MINUTES);
    }

    /** 5 working days. */
    @Benchmark
    public Deadline workDays5() {
        return calendar.deadline(start(), 5, org.citygrid.calendar.TimeUnit.WORK_DAYS);
    }

    /** 15 natural days, moved off a holiday or weekend. */
    @Benchmark
    public Deadline naturalDays15() {
        return calendar.deadline(start(), 15, org.citygrid.calendar.TimeUnit.NATURAL_DAYS);
    }
}
