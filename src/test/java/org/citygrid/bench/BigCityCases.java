package org.citygrid.bench;

import static org.citygrid.bench.BigCity.COLS;
import static org.citygrid.bench.BigCity.DLAT;
import static org.citygrid.bench.BigCity.DLON;
import static org.citygrid.bench.BigCity.LAT_N;
import static org.citygrid.bench.BigCity.LON0;
import static org.citygrid.bench.BigCity.ROWS;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.support.CaseHistories;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 1,000,000 historical cases. {@value #TEMPLATES} generated histories ({@link CaseHistories}: its mix of closed,
 * returned, extended, parked, reworked, voided, rejected and still-open paths) go through the real import, reported
 * over the ~31 days before the last five; the rest are copies of them, each moved by whole cells to another place of
 * the city (codes of the new cell) and by whole multiples of 4 weeks back in time (same weekday and time of day),
 * with all their timeline, stage-clock, assignment and request rows. Copies within the last 4 weeks keep every path;
 * older copies only cases that ended (closed, voided, not filed), so the open cases are recent as in a real city.
 * Copy k has the ids {@code template id + k × STRIDE}; case numbers are drawn per day after the import's own.
 */
final class BigCityCases {

    static final int TEMPLATES = 10_000;
    static final int TOTAL = 1_000_000;
    static final long STRIDE = 100_000;
    private static final int RECENT_COPIES = 3;
    private static final int SHIFTS = 24;
    private static final int COPIES_PER_SHIFT = 5;
    private static final String ENDED = "('CLOSED', 'VOIDED', 'NOT_FILED')";

    private final ConfigurableApplicationContext ctx;
    private final JdbcClient jdbc;
    private final BigCity.Steps steps;

    BigCityCases(ConfigurableApplicationContext ctx, JdbcClient jdbc, BigCity.Steps steps) {
        this.ctx = ctx;
        this.jdbc = jdbc;
        this.steps = steps;
    }

    void write() {
        steps.run("case-templates", this::templates);
        steps.run("case-copies", this::copies);
        steps.run("case-signals", this::signals);
        // The copies went in copy by copy; an application writes cases in time order. Rewriting the table in report
        // order gives range scans over reported_at the locality they would have in a real database.
        steps.run("case-order", () -> jdbc.sql("CLUSTER case_file USING ix_case_file_reported_at").update());
    }

    /** The templates through CaseImport (an already imported external id is skipped, so a rerun completes it). */
    private void templates() {
        var random = new Random(7);
        var points = new ArrayList<double[]>();
        for (int i = 0; i < 10_000; i++) {
            int col = random.nextInt(COLS);
            int row = random.nextInt(ROWS);
            points.add(new double[] {LON0 + (col + 0.05 + 0.9 * random.nextDouble()) * DLON,
                    LAT_N - (row + 0.05 + 0.9 * random.nextDouble()) * DLAT});
        }
        var classes = ctx.getBean(Catalog.class).list(ClassKind.COMPONENT).stream().filter(c -> !c.urgent())
                .map(c -> c.code()).toList();
        var supervisors = IntStream.rangeClosed(1, BigCity.STREETS).mapToObj(i -> "supervisor" + i).toList();
        var places = new CaseHistories.Places(points, classes, BenchApp.DEPARTMENTS, supervisors);
        var start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(37));
        var file = new CaseHistories(places, 20261127L, start, "BC-").file(TEMPLATES);
        var result = ctx.getBean(CaseImport.class).run(file, Locale.ENGLISH);
        System.out.printf("  templates imported %,d, skipped %,d, errors %,d%s%n", result.imported(), result.skipped(),
                result.errors().size(), result.errors().isEmpty() ? "" : " first: " + result.errors().getFirst());
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("the template import failed");
        }
        long max = jdbc.sql("SELECT MAX(id) FROM case_file").query(Long.class).single();
        if (max >= STRIDE) {
            throw new IllegalStateException("template ids must stay below " + STRIDE + ", found " + max);
        }
    }

    private void copies() {
        jdbc.sql("DELETE FROM case_file WHERE id >= ?").param(STRIDE).update();
        plan();
        long templates = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
        long t0 = System.nanoTime();
        int rows = jdbc.sql("""
                INSERT INTO case_file (id, case_no, channel, kind, class_code, urgent, self_handled,
                    handle_limit_amount, handle_limit_unit, lon, lat, grid_code, community_code, street_code,
                    district_code, supervision_grid_code, address, description, reporter_name, reporter_phone,
                    reported_by, external_id, reported_at, status, department_code, verifier, checker, parent_id,
                    closed_at, updated_at, version, component_id)
                SELECT id, to_char(day, 'YYYYMMDD') || lpad(CAST(COALESCE(n.last_value, 0)
                        + ROW_NUMBER() OVER (PARTITION BY day ORDER BY reported_at, id) AS VARCHAR), 5, '0'),
                    channel, kind, class_code, urgent, self_handled, handle_limit_amount, handle_limit_unit, lon, lat,
                    grid_code, community_code, street_code, district_code, supervision_grid_code, address, description,
                    reporter_name, reporter_phone, reported_by, external_id, reported_at, status, department_code,
                    verifier, checker, parent_id, closed_at, updated_at, version, component_id
                FROM (SELECT t.id + c.k * %1$d AS id, t.channel, t.kind, t.class_code, t.urgent, t.self_handled,
                          t.handle_limit_amount, t.handle_limit_unit, t.lon + (cell.col - t.col) * %2$s AS lon,
                          t.lat - (cell.row - t.row) * %3$s AS lat, cell.code AS grid_code,
                          cell.community AS community_code, cell.street AS street_code, cell.district AS district_code,
                          cell.supervision AS supervision_grid_code, t.address, t.description, t.reporter_name,
                          t.reporter_phone, t.reported_by, t.external_id || '~' || c.k AS external_id,
                          t.reported_at - c.shift AS reported_at, t.status, t.department_code, t.verifier, t.checker,
                          t.parent_id + c.k * %1$d AS parent_id, t.closed_at - c.shift AS closed_at,
                          t.updated_at - c.shift AS updated_at, t.version, t.component_id,
                          CAST((t.reported_at - c.shift) AT TIME ZONE 'Asia/Shanghai' AS DATE) AS day
                      FROM (SELECT f.*, FLOOR((f.lon - %4$s) / %2$s) AS col, FLOOR((%5$s - f.lat) / %3$s) AS row,
                                f.status IN %6$s AND (f.parent_id IS NULL OR EXISTS (SELECT 1 FROM case_file p
                                    WHERE p.id = f.parent_id AND p.status IN %6$s)) AS ended
                            FROM case_file f) t
                      JOIN bigcity_gen.copy c ON c.keep_open OR t.ended
                      JOIN bigcity_gen.cell cell ON cell.idx = CAST(MOD(CAST(t.row AS INT) + c.dy, %7$d) AS INT) * %8$d
                          + MOD(CAST(t.col AS INT) + c.dx, %8$d)
                      ORDER BY c.k, t.id LIMIT %9$d) x
                LEFT JOIN case_number_counter n ON n.for_date = x.day
                """.formatted(STRIDE, DLON, DLAT, LON0, LAT_N, ENDED, ROWS, COLS, TOTAL - templates)).update();
        System.out.printf("  %,d case copies in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        jdbc.sql("""
                INSERT INTO case_number_counter (for_date, last_value)
                SELECT CAST(substr(case_no, 1, 8) AS DATE), MAX(CAST(substr(case_no, 9) AS INT)) FROM case_file
                GROUP BY 1
                ON CONFLICT (for_date) DO UPDATE SET last_value = GREATEST(case_number_counter.last_value,
                    EXCLUDED.last_value)""").update();
        jdbc.sql("SELECT setval(pg_get_serial_sequence('case_file', 'id'), (SELECT MAX(id) FROM case_file))")
                .query(Long.class).single();
        children("case_timeline", List.of("seq", "occurred_at", "action", "actor", "from_status", "to_status", "note",
                "reason", "attachment_ids"), List.of("occurred_at"));
        children("case_stage", List.of("seq", "stage", "assignment_no", "started_at", "limit_amount", "limit_unit",
                "deadline", "paused_at", "ended_at"), List.of("started_at", "deadline", "paused_at", "ended_at"));
        children("case_assignment", List.of("seq", "assignment_no", "department_code", "dispatched_at",
                "dispatched_by", "received_at", "ended_at", "outcome"), List.of("dispatched_at", "received_at",
                "ended_at"));
        children("case_request", List.of("seq", "kind", "requested_by", "requested_at", "reason", "amount", "unit",
                "decision", "decided_by", "decided_at"), List.of("requested_at", "decided_at"));
    }

    /** bigcity_gen.copy: k, how far back (a multiple of 4 weeks), the move in cells, whether open cases are copied. */
    private void plan() {
        jdbc.sql("DROP TABLE IF EXISTS bigcity_gen.copy").update();
        jdbc.sql("CREATE TABLE bigcity_gen.copy (k INT PRIMARY KEY, shift INTERVAL NOT NULL, dx INT NOT NULL, "
                + "dy INT NOT NULL, keep_open BOOLEAN NOT NULL)").update();
        var random = new Random(11);
        int k = 1;
        for (int shift = 0; shift <= SHIFTS; shift++) {
            for (int i = 0; i < (shift == 0 ? RECENT_COPIES : COPIES_PER_SHIFT); i++, k++) {
                jdbc.sql("INSERT INTO bigcity_gen.copy VALUES (?, CAST(? AS INTERVAL), ?, ?, ?)")
                        .params(k, (shift * 28) + " days", 1 + random.nextInt(COLS - 1), 1 + random.nextInt(ROWS - 1),
                                shift == 0).update();
            }
        }
    }

    private void children(String table, List<String> columns, List<String> times) {
        long t0 = System.nanoTime();
        var select = columns.stream().map(c -> times.contains(c) ? "t." + c + " - c.shift" : "t." + c).toList();
        int rows = jdbc.sql("""
                INSERT INTO %1$s (case_id, %2$s)
                SELECT n.id, %3$s FROM case_file n
                JOIN bigcity_gen.copy c ON c.k = n.id / %4$d
                JOIN %1$s t ON t.case_id = n.id - c.k * %4$d
                WHERE n.id >= %4$d""".formatted(table, String.join(", ", columns), String.join(", ", select), STRIDE))
                .update();
        System.out.printf("  %s: %,d rows in %.1f s%n", table, rows, (System.nanoTime() - t0) / 1e9);
    }

    /** What the SLA monitor's first pass records: the yellow instant (80 % of the way) of every running clock. */
    private void signals() {
        jdbc.sql("DELETE FROM case_stage_signal").update();
        jdbc.sql("""
                INSERT INTO case_stage_signal (case_id, stage, assignment_no, started_at, deadline, yellow_at, signalled)
                SELECT case_id, stage, assignment_no, started_at, deadline, started_at + (deadline - started_at) * 0.8,
                    CASE WHEN deadline < now() THEN 2 WHEN started_at + (deadline - started_at) * 0.8 < now() THEN 1
                         ELSE 0 END
                FROM case_stage WHERE ended_at IS NULL AND paused_at IS NULL""").update();
    }
}
