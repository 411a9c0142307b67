package org.citygrid.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.CaseFacts;
import org.citygrid.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 超时申诉 — timeout appeals (table {@code evaluation_appeal}). A department handler appeals an overdue assignment of
 * their own department; a leader approves or denies it once. An approved appeal counts the assignment as on time in
 * the department's figures from the moment of approval (see docs/EVALUATION.md).
 */
@Component
public class AppealStore {

    public enum Decision { APPROVED, DENIED }

    /** One appeal; {@code decision} null while pending. */
    public record Appeal(long id, long caseId, String caseNo, int assignmentNo, String departmentCode, String reason,
                         String requestedBy, Instant requestedAt, Decision decision, String decidedBy,
                         Instant decidedAt, String decisionNote, int version) {
    }

    private static final String COLUMNS = "id, case_id, case_no, assignment_no, department_code, reason, requested_by,"
            + " requested_at, decision, decided_by, decided_at, decision_note, version";

    private final JdbcClient jdbc;
    private final CaseFacts facts;
    private final Clock clock;

    AppealStore(JdbcClient jdbc, CaseFacts facts, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.clock = clock;
    }

    static String key(long caseId, int assignmentNo) {
        return caseId + "/" + assignmentNo;
    }

    /** The assignments whose appeal was approved at or before {@code asOf}. */
    @Transactional(readOnly = true)
    public Set<String> approvedKeys(Instant asOf) {
        var keys = new HashSet<String>();
        jdbc.sql("SELECT case_id, assignment_no FROM evaluation_appeal WHERE decision = 'APPROVED'"
                + " AND decided_at <= :asOf").param("asOf", utc(asOf))
                .query(rs -> {
                    keys.add(key(rs.getLong(1), rs.getInt(2)));
                });
        return keys;
    }

    /** Files an appeal: 403 for another department's assignment, 422 unless overdue, 409 if one is open or approved. */
    @Transactional
    public Appeal request(long caseId, int assignmentNo, String reason, String by, String department) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException.Invalid("reason", "evaluation.appeal.reason-required");
        }
        var now = clock.instant();
        var fact = facts.of(caseId, now).orElseThrow(() -> new DomainException.NotFound("evaluation.appeal.case-unknown",
                caseId));
        var stint = new History(fact).stints().stream().filter(a -> a.assignmentNo() == assignmentNo).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("assignmentNo", "evaluation.appeal.assignment-unknown",
                        fact.caseNo(), assignmentNo));
        if (department == null || !department.equals(stint.departmentCode())) {
            throw new DomainException.Forbidden("evaluation.appeal.other-department", fact.caseNo());
        }
        var deadline = stint.deadline();
        boolean overdue = !stint.returned() && deadline.isPresent() && (stint.disposedBy().isPresent()
                ? stint.disposedBy().get().isAfter(deadline.get()) : deadline.get().isBefore(now));
        if (!overdue) {
            throw new DomainException.Invalid("assignmentNo", "evaluation.appeal.not-overdue", fact.caseNo());
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM evaluation_appeal WHERE case_id = :c AND assignment_no = :a"
                + " AND (decision IS NULL OR decision = 'APPROVED')").param("c", caseId).param("a", assignmentNo)
                .query(Long.class).single();
        if (open > 0) {
            throw new DomainException.Conflict("evaluation.appeal.exists", fact.caseNo());
        }
        jdbc.sql("INSERT INTO evaluation_appeal (case_id, case_no, assignment_no, department_code, reason, requested_by,"
                + " requested_at, version) VALUES (:c, :no, :a, :d, :r, :by, :at, 0)").param("c", caseId)
                .param("no", fact.caseNo()).param("a", assignmentNo).param("d", department)
                .param("r", reason.strip()).param("by", by).param("at", utc(now)).update();
        long id = jdbc.sql("SELECT MAX(id) FROM evaluation_appeal WHERE case_id = :c AND assignment_no = :a")
                .param("c", caseId).param("a", assignmentNo).query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Approves or denies a pending appeal at the version the leader saw (409 when stale or already decided). */
    @Transactional
    public Appeal decide(long id, Decision decision, String note, int version, String by) {
        var appeal = find(id).orElseThrow(() -> new DomainException.NotFound("evaluation.appeal.not-found", id));
        if (appeal.decision() != null) {
            throw new DomainException.Conflict("evaluation.appeal.decided", appeal.caseNo());
        }
        int changed = jdbc.sql("UPDATE evaluation_appeal SET decision = :d, decided_by = :by, decided_at = :at,"
                + " decision_note = :note, version = version + 1 WHERE id = :id AND version = :v AND decision IS NULL")
                .param("d", decision.name()).param("by", by).param("at", utc(clock.instant()))
                .param("note", note == null ? null : note.strip()).param("id", id).param("v", version).update();
        if (changed == 0) {
            throw new DomainException.Conflict("evaluation.appeal.stale", version, appeal.version());
        }
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Appeal> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_appeal WHERE id = :id").param("id", id)
                .query(AppealStore::map).optional();
    }

    /** Appeals, newest first: one department's, or everyone's when {@code department} is null. */
    @Transactional(readOnly = true)
    public List<Appeal> list(String department, int limit) {
        var where = department == null ? "" : " WHERE department_code = :d";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_appeal" + where
                + " ORDER BY id DESC LIMIT :limit").param("limit", limit);
        if (department != null) {
            spec = spec.param("d", department);
        }
        return spec.query(AppealStore::map).list();
    }

    private static Appeal map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var decision = rs.getString(9);
        return new Appeal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)),
                decision == null ? null : Decision.valueOf(decision), rs.getString(10),
                instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12), rs.getInt(13));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
