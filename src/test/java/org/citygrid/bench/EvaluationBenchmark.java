package org.citygrid.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.citygrid.cases.CaseFacts;
import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.support.CaseHistories;

/**
 * Times the evaluation of one month over N imported cases on PostgreSQL (default 100,000 generated histories from
 * 2024-01-02, a report every 1–8 minutes, so about 9,600 cases a month): all departments, supervisors, the three
 * positions and all streets, each three times (the first one cold). Not a test; see docs/EVALUATION.md for the command
 * and the figures. Arguments: [cases] [month, e.g. 2024-03].
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var from = LocalDate.parse((args.length > 1 ? args[1] : "2024-03") + "-01");
        var to = from.plusMonths(1);
        try (var ctx = BenchApp.start("citygrid.cases.import.max-size=2GB",
                "citygrid.cases.import.max-lines=" + Math.max(count, 100_000))) {
            var imports = ctx.getBean(CaseImport.class);
            var histories = new CaseHistories(BenchApp.places(ctx), 2, Instant.parse("2024-01-02T00:00:00Z"), "H-");
            int left = count;
            long t0 = System.nanoTime();
            while (left > 0) {
                int chunk = Math.min(left, 100_000);
                var result = imports.run(histories.file(chunk), Locale.ENGLISH);
                if (!result.errors().isEmpty()) {
                    throw new IllegalStateException("import failed: " + result.errors().getFirst());
                }
                left -= chunk;
            }
            BenchApp.report("import", System.nanoTime() - t0, count, "cases");
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            jdbc.sql("ANALYZE").update();
            var evaluator = ctx.getBean(Evaluator.class);
            var facts = ctx.getBean(CaseFacts.class);
            var zone = evaluator.zone();
            var asOf = to.plusDays(10).atStartOfDay(zone).toInstant();
            long f0 = System.nanoTime();
            int touched = facts.activeIn(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), asOf)
                    .size();
            System.out.printf("month %s: %,d cases with a step in the month; facts read in %.2f s%n", from, touched,
                    (System.nanoTime() - f0) / 1e9);
            for (int run = 1; run <= 3; run++) {
                long all = System.nanoTime();
                time("departments", () -> evaluator.evaluate(Report.Subject.DEPARTMENTS, null, from, to, asOf));
                time("supervisors", () -> evaluator.evaluate(Report.Subject.SUPERVISORS, null, from, to, asOf));
                for (var role : new String[] {"OPERATOR", "SHIFT_LEAD", "DISPATCHER"}) {
                    time(role, () -> evaluator.evaluate(Report.Subject.POSITIONS, role, from, to, asOf));
                }
                time("streets", () -> evaluator.evaluate(Report.Subject.REGIONS, "STREET", from, to, asOf));
                System.out.printf("run %d: all six tables in %.2f s%n", run, (System.nanoTime() - all) / 1e9);
            }
        }
    }

    private static void time(String what, java.util.function.Supplier<Report> table) {
        long t0 = System.nanoTime();
        var report = table.get();
        System.out.printf("  %-12s %3d rows in %.2f s%n", what, report.rows().size(), (System.nanoTime() - t0) / 1e9);
    }
}
