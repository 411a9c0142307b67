package org.citygrid.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.citygrid.cases.CaseRequest;
import org.citygrid.cases.CaseStatistics.Box;
import org.citygrid.cases.CaseStatistics.ClassCount;
import org.citygrid.cases.CaseStatistics.GridCount;
import org.citygrid.cases.CaseStatistics.MapCell;
import org.citygrid.cases.CaseStatistics.MapPoint;
import org.citygrid.cases.CaseStatistics.OpenCounts;
import org.citygrid.cases.CaseStatistics.OverdueCase;
import org.citygrid.cases.CaseStatistics.OverdueList;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.catalog.ClassKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL behind {@link org.citygrid.cases.CaseStatistics}: aggregates over open cases and their running clocks. */
@Component
public class StatisticsQueries {

    private static final List<String> OPEN = CaseStatus.open().stream().map(Enum::name).toList();
    private static final List<String> DEPARTMENT_STATES = List.of(CaseStatus.DISPATCHED.name(),
            CaseStatus.IN_PROGRESS.name(), CaseStatus.PARKED.name());

    /**
     * The light of every case with a running clock, 2 red, 1 yellow, 0 green: the worst of its running clocks, with
     * the same rule as the work queues ({@code CaseQueries}): red past the deadline at {@code :now}; yellow when the SLA
     * monitor recorded that this very clock run turns yellow by {@code :now}.
     */
    private static final String LIGHTS = "SELECT s.case_id, MAX(CASE WHEN s.deadline < :now THEN 2"
            + " WHEN g.yellow_at <= :now THEN 1 ELSE 0 END) AS light FROM case_stage s"
            + " LEFT JOIN case_stage_signal g ON g.case_id = s.case_id AND g.stage = s.stage"
            + " AND g.assignment_no = s.assignment_no AND g.started_at = s.started_at AND g.deadline = s.deadline"
            + " WHERE s.ended_at IS NULL AND s.paused_at IS NULL GROUP BY s.case_id";

    /** Filed in [:since, :now): the file action, or the acceptance of a self-handled report. */
    private static final String FILED = " FROM case_timeline t JOIN case_file c ON c.id = t.case_id"
            + " WHERE t.occurred_at >= :since AND t.occurred_at < :now"
            + " AND (t.action = 'FILE' OR (t.action = 'ACCEPT' AND c.self_handled))";

    private static final String IN_BOX = " AND c.lon >= :minLon AND c.lon <= :maxLon AND c.lat >= :minLat"
            + " AND c.lat <= :maxLat";

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OpenCounts openCounts(Instant now) {
        var byStatus = new EnumMap<CaseStatus, Long>(CaseStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS n FROM case_file WHERE status IN (:open) GROUP BY status")
                .param("open", OPEN)
                .query(rs -> {
                    byStatus.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        long open = byStatus.values().stream().mapToLong(Long::longValue).sum();
        var byLight = new EnumMap<Light, Long>(Light.class);
        jdbc.sql("SELECT l.light, COUNT(*) AS n FROM (" + LIGHTS + ") l JOIN case_file c ON c.id = l.case_id"
                        + " WHERE c.status IN (:open) GROUP BY l.light")
                .param("now", utc(now)).param("open", OPEN)
                .query(rs -> {
                    byLight.put(Light.values()[rs.getInt("light")], rs.getLong("n"));
                });
        long red = byLight.getOrDefault(Light.RED, 0L);
        long yellow = byLight.getOrDefault(Light.YELLOW, 0L);
        byLight.put(Light.RED, red);
        byLight.put(Light.YELLOW, yellow);
        byLight.put(Light.GREEN, open - red - yellow);
        var byDepartment = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT department_code, COUNT(*) AS n FROM case_file WHERE status IN (:states)"
                        + " AND department_code IS NOT NULL GROUP BY department_code ORDER BY n DESC, department_code")
                .param("states", DEPARTMENT_STATES)
                .query(rs -> {
                    byDepartment.put(rs.getString("department_code"), rs.getLong("n"));
                });
        var pending = new EnumMap<CaseRequest.Kind, Long>(CaseRequest.Kind.class);
        jdbc.sql("SELECT r.kind, COUNT(DISTINCT r.case_id) AS n FROM case_request r JOIN case_file c"
                        + " ON c.id = r.case_id WHERE r.decision IS NULL AND c.status IN (:open) GROUP BY r.kind")
                .param("open", OPEN)
                .query(rs -> {
                    pending.put(CaseRequest.Kind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        return new OpenCounts(open, byStatus, byLight, byDepartment, pending);
    }

    public Map<Channel, Long> intakeSince(Instant since) {
        var byChannel = new EnumMap<Channel, Long>(Channel.class);
        jdbc.sql("SELECT channel, COUNT(*) AS n FROM case_file WHERE reported_at >= :since GROUP BY channel")
                .param("since", utc(since))
                .query(rs -> {
                    byChannel.put(Channel.valueOf(rs.getString("channel")), rs.getLong("n"));
                });
        return byChannel;
    }

    public List<MapCell> cells(Box box, double cell, Instant now) {
        return box(jdbc.sql("SELECT AVG(lon) AS lon, AVG(lat) AS lat, COUNT(*) AS n,"
                + " SUM(CASE WHEN light = 2 THEN 1 ELSE 0 END) AS red,"
                + " SUM(CASE WHEN light = 1 THEN 1 ELSE 0 END) AS yellow"
                + " FROM (SELECT c.lon, c.lat, l.light, FLOOR(c.lon / :cell) AS cx, FLOOR(c.lat / :cell) AS cy"
                + " FROM case_file c LEFT JOIN (" + LIGHTS + ") l ON l.case_id = c.id"
                + " WHERE c.status IN (:open)" + IN_BOX + ") t GROUP BY cx, cy"), box)
                .param("cell", cell).param("now", utc(now)).param("open", OPEN)
                .query((rs, n) -> new MapCell(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("n"),
                        rs.getLong("red"), rs.getLong("yellow")))
                .list();
    }

    public List<MapPoint> points(Box box, int limit, Instant now) {
        return box(jdbc.sql("SELECT c.id, c.case_no, c.status, c.kind, c.class_code, c.lon, c.lat,"
                + " COALESCE(l.light, 0) AS light FROM case_file c LEFT JOIN (" + LIGHTS + ") l ON l.case_id = c.id"
                + " WHERE c.status IN (:open)" + IN_BOX + " ORDER BY light DESC, c.id LIMIT :limit"), box)
                .param("now", utc(now)).param("open", OPEN).param("limit", limit)
                .query((rs, n) -> new MapPoint(rs.getLong("id"), rs.getString("case_no"),
                        CaseStatus.valueOf(rs.getString("status")), ClassKind.valueOf(rs.getString("kind")),
                        rs.getString("class_code"), rs.getDouble("lon"), rs.getDouble("lat"),
                        Light.values()[rs.getInt("light")]))
                .list();
    }

    /**
     * A case with two overdue clocks (RECEIVE and HANDLE) is listed once, with its earliest missed deadline: the rows
     * come in deadline order and a case's later rows are dropped, so up to twice the limit is read.
     */
    public OverdueList overdue(int limit, Instant now) {
        var overdue = " FROM case_stage s JOIN case_file c ON c.id = s.case_id WHERE s.ended_at IS NULL"
                + " AND s.paused_at IS NULL AND s.deadline < :now AND c.status IN (:open)";
        long total = jdbc.sql("SELECT COUNT(DISTINCT s.case_id)" + overdue)
                .param("now", utc(now)).param("open", OPEN).query(Long.class).single();
        var rows = jdbc.sql("SELECT c.id, c.case_no, c.status, c.kind, c.class_code, c.grid_code, c.department_code,"
                        + " s.stage, s.deadline" + overdue + " ORDER BY s.deadline, c.id LIMIT :rows")
                .param("now", utc(now)).param("open", OPEN).param("rows", 2 * limit)
                .query(StatisticsQueries::overdueCase).list();
        var seen = new LinkedHashSet<Long>();
        var items = new ArrayList<OverdueCase>();
        for (var row : rows) {
            if (seen.add(row.id()) && items.size() < limit) {
                items.add(row);
            }
        }
        return new OverdueList(total, items);
    }

    private static OverdueCase overdueCase(ResultSet rs, int n) throws SQLException {
        return new OverdueCase(rs.getLong("id"), rs.getString("case_no"), CaseStatus.valueOf(rs.getString("status")),
                ClassKind.valueOf(rs.getString("kind")), rs.getString("class_code"), rs.getString("grid_code"),
                rs.getString("department_code"), Stage.valueOf(rs.getString("stage")),
                rs.getObject("deadline", OffsetDateTime.class).toInstant());
    }

    public List<GridCount> filedByGrid(Instant since, Instant now, int limit) {
        return jdbc.sql("SELECT c.grid_code, COUNT(DISTINCT c.id) AS n" + FILED
                        + " GROUP BY c.grid_code ORDER BY n DESC, c.grid_code LIMIT :limit")
                .param("since", utc(since)).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new GridCount(rs.getString("grid_code"), rs.getLong("n"))).list();
    }

    public List<ClassCount> filedByClass(Instant since, Instant now, int limit) {
        return jdbc.sql("SELECT c.kind, c.class_code, COUNT(DISTINCT c.id) AS n" + FILED
                        + " GROUP BY c.kind, c.class_code ORDER BY n DESC, c.kind, c.class_code LIMIT :limit")
                .param("since", utc(since)).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new ClassCount(ClassKind.valueOf(rs.getString("kind")), rs.getString("class_code"),
                        rs.getLong("n"))).list();
    }

    private static JdbcClient.StatementSpec box(JdbcClient.StatementSpec spec, Box b) {
        return spec.param("minLon", b.minLon()).param("maxLon", b.maxLon()).param("minLat", b.minLat())
                .param("maxLat", b.maxLat());
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
