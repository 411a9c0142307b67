package org.citygrid.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.internal.StatisticsQueries;
import org.citygrid.catalog.ClassKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures over every case for the command centre (dashboards): counts of open cases per state, light,
 * department and pending request, today's intake by channel, the overdue clocks, map cells and points, and the grids
 * and classes with the most filed cases of a period. All are computed in SQL at an instant ({@code now} of the injected
 * clock); none looks at a viewer's visibility — callers are roles that see every case.
 * <p>
 * A case's light is the worst light of its running clocks, as in the work queues: red past a deadline, yellow once the
 * SLA monitor has recorded that the clock's yellow instant has come, otherwise green (also for an open case with no
 * running clock, e.g. parked). "Filed" in a period means the {@code file} action (立案) happened in it, or the
 * {@code accept} of a self-handled report (自处置 counts as filed).
 */
@Service
public class CaseStatistics {

    /** Open cases: per state, per light, per department (DISPATCHED, IN_PROGRESS, PARKED) and pending requests. */
    public record OpenCounts(long open, Map<CaseStatus, Long> byStatus, Map<Light, Long> byLight,
                             Map<String, Long> byDepartment, Map<CaseRequest.Kind, Long> pendingRequests) {
    }

    /** Cases reported since the start of {@code day} (the jurisdiction's date), per channel. */
    public record Intake(LocalDate day, Map<Channel, Long> byChannel) {

        public long total() {
            return byChannel.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Open cases of one map cell, at their mean position, with their lights. */
    public record MapCell(double lon, double lat, long count, long red, long yellow) {

        public Light worst() {
            return red > 0 ? Light.RED : yellow > 0 ? Light.YELLOW : Light.GREEN;
        }
    }

    /** One open case on the map. */
    public record MapPoint(long id, String caseNo, CaseStatus status, ClassKind kind, String classCode, double lon,
                           double lat, Light light) {
    }

    /** A window of the map, WGS84. */
    public record Box(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /** An open case with a running clock past its deadline (the earliest such clock of the case). */
    public record OverdueCase(long id, String caseNo, CaseStatus status, ClassKind kind, String classCode,
                              String gridCode, String departmentCode, Stage stage, Instant deadline) {
    }

    public record OverdueList(long total, List<OverdueCase> items) {
    }

    /** A grid (hotspot) or a class with its count of filed cases in a period. */
    public record GridCount(String gridCode, long count) {
    }

    public record ClassCount(ClassKind kind, String classCode, long count) {
    }

    private final StatisticsQueries queries;
    private final Calendars calendars;
    private final Clock clock;

    CaseStatistics(StatisticsQueries queries, Calendars calendars, Clock clock) {
        this.queries = queries;
        this.calendars = calendars;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return calendars.zone();
    }

    @Transactional(readOnly = true)
    public OpenCounts openCounts() {
        return queries.openCounts(now());
    }

    /** Today's intake in the jurisdiction's zone. */
    @Transactional(readOnly = true)
    public Intake intakeToday() {
        var today = LocalDate.ofInstant(now(), zone());
        return new Intake(today, queries.intakeSince(today.atStartOfDay(zone()).toInstant()));
    }

    /** Open cases of a window counted per square cell of {@code cellDegrees}. */
    @Transactional(readOnly = true)
    public List<MapCell> cells(Box box, double cellDegrees) {
        return queries.cells(box, cellDegrees, now());
    }

    /** Up to {@code limit} open cases of a window, worst light first. */
    @Transactional(readOnly = true)
    public List<MapPoint> points(Box box, int limit) {
        return queries.points(box, limit, now());
    }

    /** The {@code limit} most overdue open cases (earliest missed deadline first) and how many there are. */
    @Transactional(readOnly = true)
    public OverdueList overdue(int limit) {
        return queries.overdue(limit, now());
    }

    /** Grids with the most cases filed in the last {@code period}, most first. */
    @Transactional(readOnly = true)
    public List<GridCount> hotspots(Duration period, int limit) {
        var now = now();
        return queries.filedByGrid(now.minus(period), now, limit);
    }

    /** Classes with the most cases filed in the last {@code period}, most first. */
    @Transactional(readOnly = true)
    public List<ClassCount> topClasses(Duration period, int limit) {
        var now = now();
        return queries.filedByClass(now.minus(period), now, limit);
    }
}
