package org.citygrid.evaluation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.evaluation.internal.Report;
import org.citygrid.platform.DomainException;

/** The JSON shape of a report (shared/design/API.md): one flat object per row, the subject's key named as API.md says. */
final class ReportViews {

    private ReportViews() {
    }

    record ReportView(LocalDate from, LocalDate to, Instant asOf, String role, String level,
                      List<Map<String, Object>> rows) {
    }

    static ReportView of(Report r) {
        var rows = new ArrayList<Map<String, Object>>();
        int rank = 0;
        for (var row : r.rows()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("rank", ++rank);
            m.put(keyName(r.subject()), row.key());
            m.put("name", row.name());
            m.putAll(row.figures());
            m.put("score", row.score());
            m.put("grade", row.grade());
            m.put("insufficientSample", row.insufficientSample());
            rows.add(m);
        }
        var role = r.subject() == Report.Subject.POSITIONS ? r.variant() : null;
        var level = r.subject() == Report.Subject.REGIONS ? r.variant() : null;
        return new ReportView(r.from(), r.to(), r.asOf(), role, level, rows);
    }

    static String keyName(Report.Subject s) {
        return switch (s) {
            case DEPARTMENTS -> "departmentCode";
            case SUPERVISORS, POSITIONS -> "username";
            case REGIONS -> "code";
        };
    }

    /** An instant as ISO-8601 with an offset or Z; 400 otherwise; null stays null (now). */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.BadRequest("asOf", "evaluation.as-of.invalid", text);
        }
    }
}
