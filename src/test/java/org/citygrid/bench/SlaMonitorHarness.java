package org.citygrid.bench;

import java.util.concurrent.TimeUnit;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.internal.sla.SlaMonitor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One SLA monitor pass over many open cases on PostgreSQL (docs/PERFORMANCE.md, "SLA monitor"). Not JMH: a pass
 * writes, so it cannot be repeated on the same state; the harness seeds N reported cases with a running ACCEPT clock
 * (1 % overdue, the rest due in three days) by SQL, then times three passes: the first watches every clock (the
 * calendar computes each one's yellow instant) and signals the overdue ones, the next two are the steady state.
 * Arguments: N (default 100000) and the JDBC URL (default the sla test database). Not a test: Surefire never runs it.
 */
public final class SlaMonitorHarness {

    private SlaMonitorHarness() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/citygrid_test_sla";
        try (var context = new SpringApplicationBuilder(CityGridApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + System.getenv().getOrDefault("PGPASSWORD", "postgres"),
                "--citygrid.cases.sla.enabled=false", "--server.port=18084", "--logging.level.root=warn")) {
            var jdbc = context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            seed(jdbc, n);
            System.out.printf("seeded %,d open cases in %,d ms%n", n, ms(t0));
            var monitor = context.getBean(SlaMonitor.class);
            for (int i = 1; i <= 3; i++) {
                long start = System.nanoTime();
                var pass = monitor.pass();
                System.out.printf("pass %d: %,d ms — %s%n", i, ms(start), pass);
            }
        }
    }

    private static void seed(JdbcTemplate jdbc, int n) {
        jdbc.update("DELETE FROM case_file WHERE reported_by = 'bench'");
        jdbc.update("""
                INSERT INTO case_file (case_no, channel, kind, class_code, urgent, self_handled, handle_limit_amount,
                    handle_limit_unit, lon, lat, grid_code, description, reported_by, reported_at, status, updated_at,
                    version)
                SELECT 'B' || lpad(g::text, 12, '0'), 'SUPERVISOR', 'COMPONENT', '01001', false, false, 1, 'WORK_DAYS',
                    116.4, 39.9, '110101001001001', 'bench', 'bench', now(), 'REPORTED', now(), 0
                FROM generate_series(1, ?) g""", n);
        jdbc.update("""
                INSERT INTO case_stage (case_id, seq, stage, assignment_no, started_at, limit_amount, limit_unit,
                    deadline)
                SELECT id, 0, 'ACCEPT', 0, now() - interval '5 minutes', 10, 'WORK_MINUTES',
                    CASE WHEN id % 100 = 0 THEN now() - interval '1 minute' ELSE now() + interval '3 days' END
                FROM case_file WHERE reported_by = 'bench'""");
        jdbc.execute("ANALYZE case_file");
        jdbc.execute("ANALYZE case_stage");
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
