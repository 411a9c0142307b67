package org.citygrid.bench;

import java.time.Instant;
import java.util.Locale;

import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.support.CaseHistories;

/**
 * Imports generated histories ({@link CaseHistories}, the path mix of its enum) through {@link CaseImport} — the
 * service behind {@code POST /api/v1/imports/cases} — on PostgreSQL and prints cases per second. Argument: the number
 * of cases (default 100,000). A warm-up import of 2,000 cases comes first and is reported apart. Not a test; see
 * docs/CASES.md, "Importing history", for the command.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (var ctx = BenchApp.start("citygrid.cases.import.max-size=1GB",
                "citygrid.cases.import.max-lines=" + Math.max(count, 100_000))) {
            var imports = ctx.getBean(CaseImport.class);
            var places = BenchApp.places(ctx);
            var warmUp = new CaseHistories(places, 1, Instant.parse("2023-06-01T00:00:00Z"), "W-").file(2_000);
            long t0 = System.nanoTime();
            var warm = imports.run(warmUp, Locale.ENGLISH);
            BenchApp.report("warm-up import", System.nanoTime() - t0, warm.imported(), "cases");

            var histories = new CaseHistories(places, 2, Instant.parse("2024-01-02T00:00:00Z"), "H-");
            var file = histories.file(count);
            System.out.printf("file: %,d lines, %,d bytes; paths %s%n", count, file.length, histories.counts());
            t0 = System.nanoTime();
            var result = imports.run(file, Locale.ENGLISH);
            long took = System.nanoTime() - t0;
            System.out.printf("imported %,d, skipped %,d, errors %,d%s%n", result.imported(), result.skipped(),
                    result.errors().size(), result.errors().isEmpty() ? "" : " first: " + result.errors().getFirst());
            BenchApp.report("import", took, result.imported(), "cases");
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            System.out.printf("rows: %,d timeline entries, %,d stage clocks%n",
                    jdbc.sql("SELECT COUNT(*) FROM case_timeline").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM case_stage").query(Long.class).single());
        }
    }
}
