package org.citygrid.cases.internal.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monitor's SQL: running clocks that may have crossed a light since it was last signalled, and the
 * {@code case_stage_signal} rows that make each signal happen once. Every write is conditional, so two nodes (or a
 * re-run) racing on the same clock change it once.
 */
@Component
class StageSignals {

    /** A running clock that may need a signal, with what the monitor knows about it (null when never seen). */
    record Candidate(CaseId caseId, String caseNo, String departmentCode, String verifier, String checker,
                     StageClock clock, Instant watchedDeadline, Light signalled) {

        boolean isNew() {
            return watchedDeadline == null;
        }

        boolean deadlineMoved() {
            return watchedDeadline != null && !watchedDeadline.equals(clock.deadline());
        }

        /** What has been signalled for the clock's current deadline. */
        Light signalledNow() {
            return isNew() || deadlineMoved() ? Light.GREEN : signalled;
        }
    }

    private static final String CANDIDATES = """
            SELECT s.case_id, s.stage, s.assignment_no, s.started_at, s.limit_amount, s.limit_unit, s.deadline,
                   c.case_no, c.department_code, c.verifier, c.checker,
                   g.deadline AS watched_deadline, g.signalled
            FROM case_stage s
            JOIN case_file c ON c.id = s.case_id
            LEFT JOIN case_stage_signal g ON g.case_id = s.case_id AND g.stage = s.stage
                 AND g.assignment_no = s.assignment_no AND g.started_at = s.started_at
            WHERE s.ended_at IS NULL AND s.paused_at IS NULL
              AND (g.case_id IS NULL OR g.deadline <> s.deadline
                   OR (g.signalled < 1 AND g.yellow_at <= :now)
                   OR (g.signalled < 2 AND s.deadline < :now))""";

    private static final String KEY = " WHERE case_id = :caseId AND stage = :stage AND assignment_no = :assignmentNo"
            + " AND started_at = :startedAt";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    StageSignals(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Candidate> candidates(Instant now) {
        return jdbc.sql(CANDIDATES).param("now", utc(now)).query(StageSignals::candidate).list();
    }

    /** Starts watching new clocks and re-watches clocks whose deadline moved; {@code yellowAt} per candidate. */
    void watch(List<Candidate> candidates, List<Instant> yellowAt) {
        var inserts = new ArrayList<MapSqlParameterSource>();
        var resets = new ArrayList<MapSqlParameterSource>();
        for (int i = 0; i < candidates.size(); i++) {
            var c = candidates.get(i);
            var params = key(c).addValue("deadline", utc(c.clock().deadline()))
                    .addValue("yellowAt", utc(yellowAt.get(i)));
            (c.isNew() ? inserts : resets).add(params);
        }
        named.batchUpdate("INSERT INTO case_stage_signal (case_id, stage, assignment_no, started_at, deadline,"
                + " yellow_at, signalled) VALUES (:caseId, :stage, :assignmentNo, :startedAt, :deadline, :yellowAt, 0)"
                + " ON CONFLICT DO NOTHING", inserts.toArray(MapSqlParameterSource[]::new));
        named.batchUpdate("UPDATE case_stage_signal SET deadline = :deadline, yellow_at = :yellowAt, signalled = 0"
                + KEY + " AND deadline <> :deadline", resets.toArray(MapSqlParameterSource[]::new));
    }

    /** Records {@code light} for the clock's current deadline; false when it (or more) was already signalled. */
    boolean signal(Candidate c, Light light) {
        var params = key(c).addValue("deadline", utc(c.clock().deadline())).addValue("light", light.ordinal());
        return named.update("UPDATE case_stage_signal SET signalled = :light" + KEY
                + " AND deadline = :deadline AND signalled < :light", params) == 1;
    }

    private static MapSqlParameterSource key(Candidate c) {
        return new MapSqlParameterSource("caseId", c.caseId().value()).addValue("stage", c.clock().stage().name())
                .addValue("assignmentNo", c.clock().assignmentNo())
                .addValue("startedAt", utc(c.clock().startedAt()));
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        var clock = new StageClock(Stage.valueOf(rs.getString("stage")), rs.getInt("assignment_no"),
                instant(rs, "started_at"), rs.getInt("limit_amount"), TimeUnit.valueOf(rs.getString("limit_unit")),
                instant(rs, "deadline"), null, null);
        int signalled = rs.getInt("signalled");
        return new Candidate(new CaseId(rs.getLong("case_id")), rs.getString("case_no"),
                rs.getString("department_code"), rs.getString("verifier"), rs.getString("checker"), clock,
                instant(rs, "watched_deadline"), Light.values()[signalled]);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
