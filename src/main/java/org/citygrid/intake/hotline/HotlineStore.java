package org.citygrid.intake.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The hotline's own two tables: calls and call-backs. Cases themselves are read through {@code Cases} only. */
@Repository
class HotlineStore {

    private static final String CALL_COLUMNS = "id, case_id, case_no, outcome, caller_name, caller_phone, address, "
            + "description, taken_by, taken_at";
    private static final String CALLBACK_COLUMNS = "case_id, case_no, satisfaction, note, called_by, called_at, "
            + "reopened_case_id, reopened_case_no";

    private final JdbcClient jdbc;

    HotlineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HotlineCall save(HotlineCall c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hotline_call (case_id, case_no, outcome, caller_name, caller_phone, address, description,
                                          taken_by, taken_at)
                VALUES (:caseId, :caseNo, :outcome, :name, :phone, :address, :description, :by, :at)""")
                .param("caseId", c.caseId()).param("caseNo", c.caseNo()).param("outcome", c.outcome().name())
                .param("name", c.callerName()).param("phone", c.callerPhone()).param("address", c.address())
                .param("description", c.description()).param("by", c.takenBy()).param("at", utc(c.takenAt()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new HotlineCall(id, c.caseId(), c.caseNo(), c.outcome(), c.callerName(), c.callerPhone(), c.address(),
                c.description(), c.takenBy(), c.takenAt());
    }

    List<HotlineCall> callsOf(long caseId) {
        return jdbc.sql("SELECT " + CALL_COLUMNS + " FROM hotline_call WHERE case_id = :id ORDER BY taken_at, id")
                .param("id", caseId).query(HotlineStore::call).list();
    }

    List<HotlineCall> recentCalls(long offset, int size) {
        return jdbc.sql("SELECT " + CALL_COLUMNS + " FROM hotline_call ORDER BY taken_at DESC, id DESC "
                        + "OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .param("offset", offset).param("size", size).query(HotlineStore::call).list();
    }

    long countCalls() {
        return jdbc.sql("SELECT COUNT(*) FROM hotline_call").query(Long.class).single();
    }

    /** Inserts the call-back; a second one for the same case violates the primary key (a duplicate-key exception). */
    void save(Callback b) {
        jdbc.sql("""
                INSERT INTO hotline_callback (case_id, case_no, satisfaction, note, called_by, called_at,
                                              reopened_case_id, reopened_case_no)
                VALUES (:caseId, :caseNo, :satisfaction, :note, :by, :at, :reopenedId, :reopenedNo)""")
                .param("caseId", b.caseId()).param("caseNo", b.caseNo()).param("satisfaction", b.satisfaction().name())
                .param("note", b.note()).param("by", b.calledBy()).param("at", utc(b.calledAt()))
                .param("reopenedId", b.reopenedCaseId()).param("reopenedNo", b.reopenedCaseNo())
                .update();
    }

    Optional<Callback> callbackOf(long caseId) {
        return jdbc.sql("SELECT " + CALLBACK_COLUMNS + " FROM hotline_callback WHERE case_id = :id")
                .param("id", caseId).query(HotlineStore::callback).optional();
    }

    /** The call-back that reopened its case as this one, if this case is such a reopening. */
    Optional<Callback> reopening(long reopenedCaseId) {
        return jdbc.sql("SELECT " + CALLBACK_COLUMNS + " FROM hotline_callback WHERE reopened_case_id = :id")
                .param("id", reopenedCaseId).query(HotlineStore::callback).optional();
    }

    /** Which of these cases already have a call-back. */
    Set<Long> calledBack(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT case_id FROM hotline_callback WHERE case_id IN (:ids)")
                .param("ids", caseIds).query(Long.class).list());
    }

    long countCallbacks() {
        return jdbc.sql("SELECT COUNT(*) FROM hotline_callback").query(Long.class).single();
    }

    List<Callback> recentCallbacks(int size) {
        return jdbc.sql("SELECT " + CALLBACK_COLUMNS + " FROM hotline_callback ORDER BY called_at DESC, case_id DESC "
                        + "FETCH FIRST :size ROWS ONLY")
                .param("size", size).query(HotlineStore::callback).list();
    }

    private static HotlineCall call(ResultSet rs, int row) throws SQLException {
        return new HotlineCall(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_no"),
                CallOutcome.valueOf(rs.getString("outcome")), rs.getString("caller_name"),
                rs.getString("caller_phone"), rs.getString("address"), rs.getString("description"),
                rs.getString("taken_by"), instant(rs, "taken_at"));
    }

    private static Callback callback(ResultSet rs, int row) throws SQLException {
        long reopenedId = rs.getLong("reopened_case_id");
        Long reopened = rs.wasNull() ? null : reopenedId;
        return new Callback(rs.getLong("case_id"), rs.getString("case_no"),
                Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("note"), rs.getString("called_by"),
                instant(rs, "called_at"), reopened, rs.getString("reopened_case_no"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
