package org.citygrid.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.citygrid.cases.internal.CaseNumbers;
import org.citygrid.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an action on a loaded case by writing only what the action changed: the root row (under its version, a
 * stale one is a 409), the timeline entries it appended, and the stage clocks, assignments and requests it added or
 * changed. Spring Data JDBC's save of an aggregate deletes and re-inserts every child row instead — about twenty rows
 * and their index entries for a case halfway through the loop, growing with every step — which made a transition
 * cost ~10 ms (docs/PERFORMANCE.md). The rows are the ones Spring Data JDBC maps for {@link Case} (V40__cases.sql,
 * list index = {@code seq} from 0), so the case loads back through the repository unchanged; the persistence
 * contract tests read every action's result back on H2 and PostgreSQL. A new case is inserted here too, its root
 * row and then its child rows by hand-bound statements: the repository's save spent about two thirds
 * of its time mapping, a fifth of the intake's CPU (docs/PERFORMANCE.md, "Report intake"). The case's events are
 * published here, in the transaction, as the repository would.
 * <p>
 * A report made with no transaction open ({@link #insertAlone}) is, on PostgreSQL, <em>one statement</em> in autocommit
 * mode: the root row's {@code INSERT … RETURNING id} and its child rows' inserts as data-modifying {@code WITH} queries
 * that take the new id from it. One round trip stores and commits the case instead of four (root, timeline, clock,
 * commit), and a statement is all or nothing like a transaction. Its events are published once it has committed, so
 * only plain listeners hear them ({@code AfterCommit} then runs their task at once); a transactional listener of
 * {@link CaseReported} would not, which {@code ReportListenersTests} guards.
 */
@Component
class CaseWriter {

    /** The root row's columns but its key and number, in the order of {@link #rootValues}. */
    private static final List<String> ROOT_COLUMNS = List.of("channel", "kind", "class_code", "urgent",
            "self_handled", "handle_limit_amount", "handle_limit_unit", "lon", "lat", "grid_code", "community_code",
            "street_code", "district_code", "supervision_grid_code", "address", "description", "reporter_name",
            "reporter_phone", "reported_by", "external_id", "component_id", "reported_at", "status",
            "department_code", "verifier", "checker", "parent_id", "closed_at", "updated_at", "version");
    private static final String ROOT_UPDATE = "UPDATE case_file SET " + String.join(" = ?, ", ROOT_COLUMNS)
            + " = ? WHERE id = ? AND version = ?";
    private static final String ROOT_INSERT = "INSERT INTO case_file (case_no, " + String.join(", ", ROOT_COLUMNS)
            + ") VALUES (" + "?, ".repeat(ROOT_COLUMNS.size()) + "?)";

    private static final Child<TimelineEntry> TIMELINE = new Child<>("case_timeline", List.of("occurred_at", "action",
            "actor", "from_status", "to_status", "note", "reason", "attachment_ids"), t -> new Object[] {
            time(t.occurredAt()), t.action().name(), t.actor(), name(t.fromStatus()), t.toStatus().name(), t.note(),
            t.reason(), t.attachmentIds()});
    private static final Child<StageClock> STAGES = new Child<>("case_stage", List.of("stage", "assignment_no",
            "started_at", "limit_amount", "limit_unit", "deadline", "paused_at", "ended_at"), s -> new Object[] {
            s.stage().name(), s.assignmentNo(), time(s.startedAt()), s.limitAmount(), s.limitUnit().name(),
            time(s.deadline()), time(s.pausedAt()), time(s.endedAt())});
    private static final Child<Assignment> ASSIGNMENTS = new Child<>("case_assignment", List.of("assignment_no",
            "department_code", "dispatched_at", "dispatched_by", "received_at", "ended_at", "outcome"),
            a -> new Object[] {a.assignmentNo(), a.departmentCode(), time(a.dispatchedAt()), a.dispatchedBy(),
                    time(a.receivedAt()), time(a.endedAt()), a.outcome().name()});
    private static final Child<CaseRequest> REQUESTS = new Child<>("case_request", List.of("kind", "requested_by",
            "requested_at", "reason", "amount", "unit", "decision", "decided_by", "decided_at"), r -> new Object[] {
            r.kind().name(), r.requestedBy(), time(r.requestedAt()), r.reason(), r.amount(), name(r.unit()),
            name(r.decision()), r.decidedBy(), time(r.decidedAt())});

    /** The child tables in the order of the one-statement insert's row lists. */
    private static final List<Child<?>> CHILDREN = List.of(TIMELINE, STAGES, ASSIGNMENTS, REQUESTS);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final boolean postgres;
    /** The one-statement insert of {@link #insertAlone}, by the number of rows of each child table. */
    private final ConcurrentHashMap<List<Integer>, String> oneStatement = new ConcurrentHashMap<>();

    CaseWriter(JdbcTemplate jdbc, ApplicationEventPublisher publisher, TransactionTemplate tx, DataSource dataSource) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.tx = tx;
        this.postgres = CaseNumbers.isPostgres(dataSource);
    }

    /** The child rows of a case as loaded, to compare with after an action. */
    record Snapshot(List<TimelineEntry> timeline, List<StageClock> stages, List<Assignment> assignments,
                    List<CaseRequest> requests) {

        static Snapshot of(Case c) {
            return new Snapshot(c.timeline(), c.stages(), c.assignments(), c.requests());
        }
    }

    /** Writes the changes since {@code before} in the caller's transaction; the case then has its new version. */
    @Transactional(propagation = Propagation.MANDATORY)
    Case update(Case c, Snapshot before) {
        long id = c.id().value();
        int version = c.version();
        int updated = jdbc.update(ROOT_UPDATE, ps -> bind(ps, rootValues(c, version + 1, id, version)));
        if (updated != 1) {
            throw new DomainException.Conflict("cases.version.stale", version, version + 1);
        }
        TIMELINE.write(jdbc, id, before.timeline(), c.timeline());
        STAGES.write(jdbc, id, before.stages(), c.stages());
        ASSIGNMENTS.write(jdbc, id, before.assignments(), c.assignments());
        REQUESTS.write(jdbc, id, before.requests(), c.requests());
        c.stored(version + 1);
        return published(c);
    }

    /** Inserts a new case (version 1) with its child rows in the caller's transaction; the case then has its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    Case insert(Case c) {
        if (c.id() != null) {
            throw new IllegalArgumentException("case " + c.caseNo() + " is stored already");
        }
        var values = rootValues(c, 1);
        var row = new Object[values.length + 1];
        row[0] = c.caseNo();
        System.arraycopy(values, 0, row, 1, values.length);
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(ROOT_INSERT, new String[] {"id"});
            bind(ps, row);
            return ps;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        TIMELINE.write(jdbc, id, List.of(), c.timeline());
        STAGES.write(jdbc, id, List.of(), c.stages());
        ASSIGNMENTS.write(jdbc, id, List.of(), c.assignments());
        REQUESTS.write(jdbc, id, List.of(), c.requests());
        c.inserted(id, 1);
        return published(c);
    }

    /**
     * Inserts a new case (version 1) with its child rows when no transaction is open, committed when this returns: on
     * PostgreSQL in one statement (see the class comment), elsewhere in a transaction of its own. Nothing is written
     * if it fails.
     */
    Case insertAlone(Case c) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("insertAlone is for callers with no transaction open");
        }
        if (!postgres) {
            return tx.execute(s -> insert(c));
        }
        if (c.id() != null) {
            throw new IllegalArgumentException("case " + c.caseNo() + " is stored already");
        }
        var children = List.of(TIMELINE.rows(c.timeline()), STAGES.rows(c.stages()), ASSIGNMENTS.rows(c.assignments()),
                REQUESTS.rows(c.requests())); // in the order of CHILDREN
        var shape = children.stream().map(List::size).toList();
        var sql = oneStatement.computeIfAbsent(shape, CaseWriter::oneStatement);
        var root = rootValues(c, 1);
        var values = new ArrayList<Object>(root.length + 1 + 16 * children.size());
        values.add(c.caseNo());
        values.addAll(Arrays.asList(root));
        for (var rows : children) {
            for (var row : rows) {
                values.addAll(Arrays.asList(row));
            }
        }
        long id = jdbc.execute((ConnectionCallback<Long>) con -> {
            // no transaction is open: the connection is the pool's own, in autocommit mode, where the statement is
            // its transaction
            if (!con.getAutoCommit()) {
                con.setAutoCommit(true);
            }
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                bind(ps, values.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        c.inserted(id, 1);
        return published(c);
    }

    /**
     * {@code WITH c AS (INSERT INTO case_file … RETURNING id), c0 AS (INSERT INTO case_timeline … VALUES ((SELECT id
     * FROM c), 0, ?, …), …), … SELECT id FROM c}: every child row's key is the new id and its list index, its other
     * columns parameters (in VALUES, each takes its column's type). Cached by shape: a report has one or two rows
     * per table, so there are a handful.
     */
    private static String oneStatement(List<Integer> shape) {
        var sql = new StringBuilder("WITH c AS (").append(ROOT_INSERT).append(" RETURNING id)");
        for (int t = 0; t < CHILDREN.size(); t++) {
            int rows = shape.get(t);
            if (rows == 0) {
                continue;
            }
            var child = CHILDREN.get(t);
            sql.append(", c").append(t).append(" AS (INSERT INTO ").append(child.table()).append(" (case_id, seq, ")
                    .append(String.join(", ", child.columns())).append(") VALUES ");
            for (int seq = 0; seq < rows; seq++) {
                sql.append(seq == 0 ? "" : ", ").append("((SELECT id FROM c), ").append(seq)
                        .append(", ?".repeat(child.columns().size())).append(")");
            }
            sql.append(")");
        }
        return sql.append(" SELECT id FROM c").toString();
    }

    private Case published(Case c) {
        for (var event : c.domainEvents()) {
            publisher.publishEvent(event);
        }
        c.clearEvents();
        return c;
    }

    private static Object[] rootValues(Case c, int newVersion, long id, int version) {
        var values = rootValues(c, newVersion);
        var row = Arrays.copyOf(values, values.length + 2);
        row[values.length] = id;
        row[values.length + 1] = version;
        return row;
    }

    /** The values of {@link #ROOT_COLUMNS}. */
    private static Object[] rootValues(Case c, int newVersion) {
        return new Object[] {c.channel().name(), c.kind().name(), c.classCode(), c.urgent(), c.selfHandled(),
                c.handleLimit().amount(), c.handleLimit().unit().name(), c.lon(), c.lat(), c.gridCode(),
                c.communityCode(), c.streetCode(), c.districtCode(), c.supervisionGridCode(), c.address(),
                c.description(), c.reporterName(), c.reporterPhone(), c.reportedBy(), c.externalId(),
                c.componentId(), time(c.reportedAt()), c.status().name(), c.departmentCode(), c.verifier(),
                c.checker(), c.parent().map(CaseId::value).orElse(null), time(c.closedAt()), time(c.updatedAt()),
                newVersion};
    }

    /** One child table: rows keyed by (case_id, seq), seq being the list index. */
    private record Child<T>(String table, List<String> columns, Function<T, Object[]> values) {

        void write(JdbcTemplate jdbc, long caseId, List<T> before, List<T> after) {
            var changed = new ArrayList<Object[]>();
            var added = new ArrayList<Object[]>();
            for (int seq = 0; seq < after.size(); seq++) {
                var row = after.get(seq);
                if (seq >= before.size()) {
                    added.add(keyed(caseId, seq, values.apply(row), true));
                } else if (!row.equals(before.get(seq))) {
                    changed.add(keyed(caseId, seq, values.apply(row), false));
                }
            }
            if (after.size() < before.size()) {
                jdbc.update("DELETE FROM " + table + " WHERE case_id = ? AND seq >= ?", caseId, after.size());
            }
            if (!changed.isEmpty()) {
                var sql = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE case_id = ? AND seq = ?";
                batch(jdbc, sql, changed);
            }
            if (!added.isEmpty()) {
                var sql = "INSERT INTO " + table + " (case_id, seq, " + String.join(", ", columns) + ") VALUES ("
                        + "?, ".repeat(columns.size() + 1) + "?)";
                batch(jdbc, sql, added);
            }
        }

        /** The values of each row, in order, without key. */
        List<Object[]> rows(List<T> rows) {
            return rows.stream().map(values).toList();
        }

        /** The row's values with its key first (insert) or last (update's WHERE). */
        private static Object[] keyed(long caseId, int seq, Object[] values, boolean keyFirst) {
            var out = new Object[values.length + 2];
            int offset = keyFirst ? 2 : 0;
            System.arraycopy(values, 0, out, offset, values.length);
            out[keyFirst ? 0 : values.length] = caseId;
            out[keyFirst ? 1 : values.length + 1] = seq;
            return out;
        }

        private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
            if (rows.size() == 1) {
                jdbc.update(sql, ps -> bind(ps, rows.getFirst()));
                return;
            }
            jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> bind(ps, row));
        }
    }

    /** Bound by hand: JdbcTemplate would ask the driver for the type of every null (a round trip on PostgreSQL). */
    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
