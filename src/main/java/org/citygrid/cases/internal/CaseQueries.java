package org.citygrid.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.cases.CaseFilter;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.DuplicateCandidate;
import org.citygrid.cases.QueueFilter;
import org.citygrid.cases.QueueSpec;
import org.citygrid.catalog.ClassKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The case list: filters, the viewer's visibility and paging in SQL; the page's cases are loaded by id. */
@Component
public class CaseQueries {

    /** Whom a viewer may see: everyone's cases, a department's, or a supervisor's reports and tasks. */
    public record Visibility(boolean all, String departmentCode, String supervisor) {
    }

    public record Page(List<Long> ids, long total) {
    }

    private final JdbcClient jdbc;

    /** Up to this many overdue cases, the case list's overdue filter is a list of their ids ({@link #search}). */
    static final int OVERDUE_IDS_MAX = 20_000;

    private final int overdueIdsMax;

    /** A clock that makes its case overdue: running (not ended, not paused) and past its deadline at {@code :now}. */
    private static final String OVERDUE_CLOCK = "s.ended_at IS NULL AND s.paused_at IS NULL AND s.deadline < :now";

    @Autowired
    CaseQueries(JdbcClient jdbc) {
        this(jdbc, OVERDUE_IDS_MAX);
    }

    /** {@code overdueIdsMax}: see {@link #OVERDUE_IDS_MAX} (tests set it to 0 to compare the two forms). */
    public CaseQueries(JdbcClient jdbc, int overdueIdsMax) {
        this.jdbc = jdbc;
        this.overdueIdsMax = overdueIdsMax;
    }

    public Page search(CaseFilter f, Visibility v, Instant now, ZoneId zone, long offset, int size) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        visibility(v, where, params);
        boolean overdueByIds = false;
        if (Boolean.TRUE.equals(f.overdue())) {
            // As a correlated EXISTS, PostgreSQL walks all cases newest first and probes each one's clocks until it
            // has a page, expecting overdue cases to be spread evenly: 0.8 s at 1,000,000 cases, where the overdue
            // ones are few and old (docs/PERFORMANCE-SCALE.md). Their ids first (an index-only scan of the running
            // clocks, V128), then the page among them; beyond overdueIdsMax the EXISTS stays.
            var overdue = jdbc.sql("SELECT DISTINCT s.case_id FROM case_stage s WHERE " + OVERDUE_CLOCK
                    + " LIMIT :max")
                    .param("now", utc(now)).param("max", overdueIdsMax + 1).query(Long.class).list();
            if (overdue.isEmpty()) {
                return new Page(List.of(), 0);
            }
            if (overdue.size() <= overdueIdsMax) {
                where.add("c.id IN (:overdueIds)");
                params.put("overdueIds", overdue);
                overdueByIds = true;
            }
        }
        filters(f, now, zone, where, params, overdueByIds);
        var condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM case_file c" + condition), params)
                .query(Long.class).single();
        params.put("size", size);
        params.put("offset", offset);
        var ids = bind(jdbc.sql("SELECT c.id FROM case_file c" + condition
                + " ORDER BY c.reported_at DESC, c.id DESC LIMIT :size OFFSET :offset"), params)
                .query(Long.class).list();
        return new Page(ids, total);
    }

    /** A running clock of the case: not ended, not paused. */
    private static final String RUNNING = "s.case_id = c.id AND s.ended_at IS NULL AND s.paused_at IS NULL";

    /**
     * The case's light for ordering, 2 red, 1 yellow, 0 green: red when a running clock is past its deadline at
     * {@code :now}; yellow when the SLA monitor has recorded that a running clock, with this very deadline, turns
     * yellow by {@code :now}. A clock the monitor has not watched yet counts as green until its first pass.
     */
    private static final String LIGHT_RANK = "CASE WHEN EXISTS (SELECT 1 FROM case_stage s WHERE " + RUNNING
            + " AND s.deadline < :now) THEN 2"
            + " WHEN EXISTS (SELECT 1 FROM case_stage s JOIN case_stage_signal g ON g.case_id = s.case_id"
            + " AND g.stage = s.stage AND g.assignment_no = s.assignment_no AND g.started_at = s.started_at"
            + " AND g.deadline = s.deadline WHERE " + RUNNING + " AND g.yellow_at <= :now) THEN 1 ELSE 0 END";

    private static final String NEXT_DEADLINE = "(SELECT MIN(s.deadline) FROM case_stage s WHERE " + RUNNING + ")";

    /**
     * A work queue's page, most urgent first: light (red, yellow, green), then the earliest running deadline (cases
     * without a running clock last), then the oldest report, then id.
     */
    public Page queue(QueueSpec q, QueueFilter f, Visibility v, Instant now, long offset, int size) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        params.put("now", utc(now));
        visibility(v, where, params);
        selection(q, where, params);
        narrowing(f, where, params);
        var condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM case_file c" + condition), params)
                .query(Long.class).single();
        params.put("size", size);
        params.put("offset", offset);
        var ids = bind(jdbc.sql("SELECT q.id FROM (SELECT c.id, c.reported_at, " + LIGHT_RANK + " AS light_rank, "
                + NEXT_DEADLINE + " AS next_deadline FROM case_file c" + condition + ") q"
                + " ORDER BY q.light_rank DESC, q.next_deadline ASC NULLS LAST, q.reported_at ASC, q.id ASC"
                + " LIMIT :size OFFSET :offset"), params).query(Long.class).list();
        return new Page(ids, total);
    }

    /** The filter's codes are digits only (see {@link QueueFilter}), so they are safe as LIKE prefixes. */
    private static void narrowing(QueueFilter f, List<String> where, Map<String, Object> params) {
        if (f.overdueOnly()) {
            where.add("EXISTS (SELECT 1 FROM case_stage s WHERE " + RUNNING + " AND s.deadline < :now)");
        }
        if (f.classCode() != null) {
            where.add("c.class_code LIKE :classPrefix");
            params.put("classPrefix", f.classCode() + "%");
        }
        if (f.regionCode() != null) {
            where.add("c.grid_code LIKE :regionPrefix");
            params.put("regionPrefix", f.regionCode() + "%");
        }
    }

    private static void selection(QueueSpec q, List<String> where, Map<String, Object> params) {
        if (!q.statuses().isEmpty()) {
            where.add("c.status IN (:statuses)");
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        eq(where, params, "c.department_code", "departmentCode", q.departmentCode());
        if (q.selectsAll()) {
            return;
        }
        var any = new ArrayList<String>();
        if (!q.selectedStatuses().isEmpty()) {
            any.add("c.status IN (:selectedStatuses)");
            params.put("selectedStatuses", q.selectedStatuses().stream().map(Enum::name).toList());
        }
        if (!q.pendingRequests().isEmpty()) {
            // a request is pending until it is decided: its decision is null
            any.add("EXISTS (SELECT 1 FROM case_request r WHERE r.case_id = c.id AND r.decision IS NULL"
                    + " AND r.kind IN (:requestKinds))");
            params.put("requestKinds", q.pendingRequests().stream().map(Enum::name).toList());
        }
        if (q.tasksOf() != null) {
            any.add("((c.status = 'PENDING_VERIFY' AND c.verifier = :tasksOf)"
                    + " OR (c.status = 'PENDING_CHECK' AND c.checker = :tasksOf))");
            params.put("tasksOf", q.tasksOf());
        }
        where.add("(" + String.join(" OR ", any) + ")");
    }

    /**
     * Open cases of a class whose location lies within {@code radiusMeters} of a point and that were reported in
     * [{@code since}, {@code until}], nearest first. A bounding box selects in SQL; the exact distance is computed here.
     */
    public List<DuplicateCandidate> nearby(ClassKind kind, String classCode, double lon, double lat, int radiusMeters,
                                           Instant since, Instant until, Long excludeId) {
        double dLat = radiusMeters / METRES_PER_DEGREE;
        double dLon = radiusMeters / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return jdbc.sql("""
                        SELECT id, case_no, status, lon, lat, reported_at FROM case_file
                        WHERE kind = :kind AND class_code = :code AND status IN (:open)
                          AND lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND :maxLon
                          AND reported_at >= :since AND reported_at <= :until AND id <> :exclude""")
                .param("kind", kind.name()).param("code", classCode)
                .param("open", CaseStatus.open().stream().map(Enum::name).toList())
                .param("minLat", lat - dLat).param("maxLat", lat + dLat)
                .param("minLon", lon - dLon).param("maxLon", lon + dLon)
                .param("since", utc(since)).param("until", utc(until))
                .param("exclude", excludeId == null ? -1L : excludeId)
                .query((rs, n) -> new DuplicateCandidate(new CaseId(rs.getLong("id")), rs.getString("case_no"),
                        CaseStatus.valueOf(rs.getString("status")),
                        (int) Math.round(distance(lon, lat, rs.getDouble("lon"), rs.getDouble("lat"))),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant()))
                .list().stream().filter(c -> c.distanceMeters() <= radiusMeters)
                .sorted(java.util.Comparator.comparingInt(DuplicateCandidate::distanceMeters)).toList();
    }

    private static final double METRES_PER_DEGREE = 111_320.0;
    private static final double EARTH_RADIUS = 6_371_008.8;

    /** Great-circle distance in metres (haversine); exact enough at the scale of a duplicate radius. */
    static double distance(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static void visibility(Visibility v, List<String> where, Map<String, Object> params) {
        if (v.all()) {
            return;
        }
        var any = new ArrayList<String>();
        if (v.departmentCode() != null) {
            any.add("EXISTS (SELECT 1 FROM case_assignment a WHERE a.case_id = c.id AND a.department_code = :myDept)");
            params.put("myDept", v.departmentCode());
        }
        if (v.supervisor() != null) {
            any.add("((c.channel = 'SUPERVISOR' AND c.reported_by = :me) OR c.verifier = :me OR c.checker = :me)");
            params.put("me", v.supervisor());
        }
        where.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")");
    }

    private static void filters(CaseFilter f, Instant now, ZoneId zone, List<String> where,
                                Map<String, Object> params, boolean overdueByIds) {
        if (!f.statuses().isEmpty()) {
            where.add("c.status IN (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        eq(where, params, "c.department_code", "departmentCode", f.departmentCode());
        eq(where, params, "c.grid_code", "gridCode", f.gridCode());
        eq(where, params, "c.street_code", "streetCode", f.streetCode());
        eq(where, params, "c.kind", "kind", f.kind() == null ? null : f.kind().name());
        eq(where, params, "c.class_code", "classCode", f.classCode());
        eq(where, params, "c.channel", "channel", f.channel() == null ? null : f.channel().name());
        if (f.overdue() != null && !overdueByIds) {
            where.add((f.overdue() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM case_stage s WHERE s.case_id = c.id"
                    + " AND " + OVERDUE_CLOCK + ")");
            params.put("now", utc(now));
        }
        if (f.from() != null) {
            where.add("c.reported_at >= :from");
            params.put("from", startOf(f.from(), zone));
        }
        if (f.to() != null) {
            where.add("c.reported_at < :to");
            params.put("to", startOf(f.to().plusDays(1), zone));
        }
    }

    private static void eq(List<String> where, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return utc(day.atStartOfDay(zone).toInstant());
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }
}
