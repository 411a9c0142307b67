package org.citygrid.cases.internal.imports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.citygrid.cases.Case;
import org.citygrid.cases.CaseId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes replayed cases as JDBC batches: one batch of roots (returning their ids), then one batch per child table
 * (timeline, stage clocks, assignments, requests) for the whole chunk — five round trips for hundreds of cases,
 * where saving aggregate by aggregate costs five per case. The columns are those Spring Data JDBC maps for
 * {@link Case} (V40__cases.sql; list indexes from 0, version 1 for a new aggregate), so the cases load back
 * through {@code CaseRepository} like any other; {@code CaseImportContract} reads them back that way on H2 and
 * PostgreSQL. Only for new aggregates: nothing here updates.
 */
final class CaseRows {

    private static final String ROOT = "INSERT INTO case_file (case_no, channel, kind, class_code, urgent, "
            + "self_handled, handle_limit_amount, handle_limit_unit, lon, lat, grid_code, community_code, street_code, "
            + "district_code, supervision_grid_code, address, description, reporter_name, reporter_phone, "
            + "reported_by, external_id, reported_at, status, department_code, verifier, checker, parent_id, "
            + "closed_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)";
    private static final String TIMELINE = "INSERT INTO case_timeline (case_id, seq, occurred_at, action, actor, "
            + "from_status, to_status, note, reason, attachment_ids) VALUES (?,?,?,?,?,?,?,?,?,?)";
    private static final String STAGE = "INSERT INTO case_stage (case_id, seq, stage, assignment_no, started_at, "
            + "limit_amount, limit_unit, deadline, paused_at, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)";
    private static final String ASSIGNMENT = "INSERT INTO case_assignment (case_id, seq, assignment_no, "
            + "department_code, dispatched_at, dispatched_by, received_at, ended_at, outcome) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String REQUEST = "INSERT INTO case_request (case_id, seq, kind, requested_by, requested_at, "
            + "reason, amount, unit, decision, decided_by, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    /** Rows per multi-row insert: at most 11 columns × 1,000 rows, well under PostgreSQL's 32,767 parameters. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private final JdbcTemplate jdbc;

    CaseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the cases; their ids, in the same order. Runs in the caller's transaction. */
    List<CaseId> insert(List<Case> cases) {
        var ids = roots(cases);
        children(cases, ids, TIMELINE, (c, id) -> rows(id, c.timeline(), (t, seq) -> new Object[] {id, seq,
                time(t.occurredAt()), t.action().name(), t.actor(), name(t.fromStatus()), t.toStatus().name(),
                t.note(), t.reason(), t.attachmentIds()}));
        children(cases, ids, STAGE, (c, id) -> rows(id, c.stages(), (s, seq) -> new Object[] {id, seq,
                s.stage().name(), s.assignmentNo(), time(s.startedAt()), s.limitAmount(), s.limitUnit().name(),
                time(s.deadline()), time(s.pausedAt()), time(s.endedAt())}));
        children(cases, ids, ASSIGNMENT, (c, id) -> rows(id, c.assignments(), (a, seq) -> new Object[] {id, seq,
                a.assignmentNo(), a.departmentCode(), time(a.dispatchedAt()), a.dispatchedBy(),
                time(a.receivedAt()), time(a.endedAt()), a.outcome().name()}));
        children(cases, ids, REQUEST, (c, id) -> rows(id, c.requests(), (r, seq) -> new Object[] {id, seq,
                r.kind().name(), r.requestedBy(), time(r.requestedAt()), r.reason(), r.amount(), name(r.unit()),
                name(r.decision()), r.decidedBy(), time(r.decidedAt())}));
        return ids.stream().map(CaseId::new).toList();
    }

    private List<Long> roots(List<Case> cases) {
        return jdbc.execute((java.sql.Connection con) -> {
            try (var ps = con.prepareStatement(ROOT, new String[] {"id"})) {
                for (var c : cases) {
                    bindRoot(ps, c);
                    ps.addBatch();
                }
                ps.executeBatch();
                var ids = new ArrayList<Long>(cases.size());
                try (var keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (ids.size() != cases.size()) {
                    throw new IllegalStateException(ids.size() + " ids for " + cases.size() + " cases");
                }
                return ids;
            }
        });
    }

    private static void bindRoot(PreparedStatement ps, Case c) throws SQLException {
        Object[] values = {c.caseNo(), c.channel().name(), c.kind().name(), c.classCode(), c.urgent(),
                c.selfHandled(), c.handleLimit().amount(), c.handleLimit().unit().name(), c.lon(), c.lat(),
                c.gridCode(), c.communityCode(), c.streetCode(), c.districtCode(), c.supervisionGridCode(),
                c.address(), c.description(), c.reporterName(), c.reporterPhone(), c.reportedBy(), c.externalId(),
                time(c.reportedAt()), c.status().name(), c.departmentCode(), c.verifier(), c.checker(),
                c.parent().map(CaseId::value).orElse(null), time(c.closedAt()), time(c.updatedAt())};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, i == 26 ? java.sql.Types.BIGINT
                        : i == 27 || i == 28 ? java.sql.Types.TIMESTAMP_WITH_TIMEZONE : java.sql.Types.VARCHAR);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private void children(List<Case> cases, List<Long> ids, String sql, BiFunction<Case, Long, List<Object[]>> rows) {
        var all = new ArrayList<Object[]>();
        for (int i = 0; i < cases.size(); i++) {
            all.addAll(rows.apply(cases.get(i), ids.get(i)));
        }
        if (all.isEmpty()) {
            return;
        }
        int columns = all.getFirst().length;
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            var part = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            jdbc.execute((java.sql.Connection con) -> {
                try (var ps = con.prepareStatement(multiRow(sql, columns, part.size()))) {
                    int p = 1;
                    for (var row : part) {
                        for (var value : row) {
                            bind(ps, p++, value);
                        }
                    }
                    return ps.executeUpdate();
                }
            });
        }
    }

    /**
     * One {@code INSERT … VALUES (…), (…), …} for many rows: the server plans and runs one statement instead of one
     * per row (a JDBC batch still executes row by row on PostgreSQL unless the driver rewrites it).
     */
    private static String multiRow(String sql, int columns, int rows) {
        var one = "(" + "?,".repeat(columns - 1) + "?)";
        var out = new StringBuilder(sql.substring(0, sql.indexOf("VALUES") + 7));
        for (int r = 0; r < rows; r++) {
            out.append(r == 0 ? "" : ",").append(one);
        }
        return out.toString();
    }

    /** Bound by hand: JdbcTemplate would ask the driver for the type of every null (a round trip on PostgreSQL). */
    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }

    private static <T> List<Object[]> rows(long id, List<T> items, BiFunction<T, Integer, Object[]> row) {
        var out = new ArrayList<Object[]>(items.size());
        for (int seq = 0; seq < items.size(); seq++) {
            out.add(row.apply(items.get(seq), seq));
        }
        return out;
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
