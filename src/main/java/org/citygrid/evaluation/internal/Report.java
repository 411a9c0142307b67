package org.citygrid.evaluation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One evaluation table: its rows ordered by score (best first). Each row keeps, per count, the cases or assignments
 * behind it ({@link Item}), so the drill-down lists exactly what was counted.
 */
public record Report(Subject subject, String variant, LocalDate from, LocalDate to, Instant asOf, List<String> figures,
                     List<Row> rows) {

    /** What is evaluated; {@code variant} is the role (positions) or the level (regions). */
    public enum Subject { DEPARTMENTS, SUPERVISORS, POSITIONS, REGIONS }

    /** One subject: its key (department code, username, region code), name, figures in order, score and grade. */
    public record Row(String key, String name, Map<String, Object> figures, BigDecimal score, String grade,
                      boolean insufficientSample, Map<String, List<Item>> items) {
    }

    /**
     * A case (assignmentNo 0) or an assignment behind a count; {@code excluded} when an approved timeout appeal keeps
     * it out of the count it is listed under.
     */
    public record Item(long caseId, String caseNo, int assignmentNo, boolean excluded) {
    }

    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }
}
