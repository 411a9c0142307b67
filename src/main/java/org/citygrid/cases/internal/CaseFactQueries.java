package org.citygrid.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFacts.CaseFact;
import org.citygrid.cases.CaseFacts.Clock;
import org.citygrid.cases.CaseFacts.Dispatch;
import org.citygrid.cases.CaseFacts.Step;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries of {@link org.citygrid.cases.CaseFacts}: the cases touched in a period by one range scan of the timeline's
 * {@code occurred_at} index, then their rows (cases, timeline, clocks, assignments) in chunks by case id; rows are
 * grouped in memory.
 */
@Component
public class CaseFactQueries {

    /** Cases per round of child queries (bind parameters stay far below PostgreSQL's 65,535). */
    private static final int CHUNK = 2_000;

    private static final String TOUCHED = "SELECT DISTINCT x.case_id FROM case_timeline x"
            + " WHERE x.occurred_at >= :from AND x.occurred_at < :to AND x.occurred_at <= :asOf";

    private final JdbcClient jdbc;

    CaseFactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CaseFact> activeIn(Instant from, Instant to, Instant asOf) {
        var ids = jdbc.sql(TOUCHED + " ORDER BY 1").param("from", utc(from)).param("to", utc(to))
                .param("asOf", utc(asOf)).query(Long.class).list();
        var out = new ArrayList<CaseFact>(ids.size());
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.addAll(load(ids.subList(i, Math.min(ids.size(), i + CHUNK)), asOf));
        }
        return out;
    }

    public Optional<CaseFact> of(long caseId, Instant asOf) {
        return load(List.of(caseId), asOf).stream().findFirst();
    }

    /**
     * The facts of these cases: each child table read by its primary key's leading column ({@code case_id IN …}), so
     * PostgreSQL walks the index instead of hashing the whole timeline.
     */
    private List<CaseFact> load(List<Long> ids, Instant asOf) {
        var params = Map.<String, Object>of("ids", ids, "asOf", utc(asOf));
        var steps = new HashMap<Long, List<Step>>();
        jdbc.sql("SELECT t.case_id, t.occurred_at, t.action, t.actor, t.from_status, t.to_status, t.reason"
                + " FROM case_timeline t WHERE t.case_id IN (:ids) AND t.occurred_at <= :asOf"
                + " ORDER BY t.case_id, t.seq").params(params).query(rs -> {
                    steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Step(instant(rs, 2),
                            CaseAction.valueOf(rs.getString(3)), rs.getString(4), status(rs.getString(5)),
                            status(rs.getString(6)), rs.getString(7)));
                });
        var clocks = new HashMap<Long, List<Clock>>();
        jdbc.sql("SELECT s.case_id, s.stage, s.assignment_no, s.started_at, s.deadline, s.ended_at"
                + " FROM case_stage s WHERE s.case_id IN (:ids) AND s.started_at <= :asOf"
                + " ORDER BY s.case_id, s.seq").params(params).query(rs -> {
                    clocks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Clock(
                            Stage.valueOf(rs.getString(2)), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                            instant(rs, 6)));
                });
        var dispatches = new HashMap<Long, List<Dispatch>>();
        jdbc.sql("SELECT a.case_id, a.assignment_no, a.department_code, a.dispatched_at, a.dispatched_by"
                + " FROM case_assignment a WHERE a.case_id IN (:ids) AND a.dispatched_at <= :asOf"
                + " ORDER BY a.case_id, a.assignment_no").params(params).query(rs -> {
                    dispatches.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Dispatch(rs.getInt(2),
                            rs.getString(3), instant(rs, 4), rs.getString(5)));
                });
        return jdbc.sql("SELECT c.id, c.case_no, c.channel, c.self_handled, c.reported_by, c.reported_at, c.lon,"
                + " c.lat, c.grid_code, c.community_code, c.street_code, c.supervision_grid_code, c.verifier,"
                + " c.checker FROM case_file c WHERE c.id IN (:ids) AND c.reported_at <= :asOf ORDER BY c.id")
                .params(params).query((rs, n) -> {
                    long id = rs.getLong(1);
                    return new CaseFact(id, rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getBoolean(4),
                            rs.getString(5), instant(rs, 6), rs.getDouble(7), rs.getDouble(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), steps.getOrDefault(id, List.of()), clocks.getOrDefault(id, List.of()),
                            dispatches.getOrDefault(id, List.of()));
                }).list();
    }

    private static CaseStatus status(String s) {
        return s == null ? null : CaseStatus.valueOf(s);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
