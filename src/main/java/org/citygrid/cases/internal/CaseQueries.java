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

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(CaseFilter f, Visibility v, Instant now, ZoneId zone, long offset, int size) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        visibility(v, where, params);
        filters(f, now, zone, where, params);
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
                                Map<String, Object> params) {
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
        if (f.overdue() != null) {
            where.add((f.overdue() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM case_stage s WHERE s.case_id = c.id"
                    + " AND s.ended_at IS NULL AND s.paused_at IS NULL AND s.deadline < :now)");
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
