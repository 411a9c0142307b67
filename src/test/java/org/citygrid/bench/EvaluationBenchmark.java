package org.citygrid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.citygrid.cases.CaseFacts;
import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.support.CaseHistories;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the evaluation of one month over N imported cases on PostgreSQL. Not a test; see docs/EVALUATION.md and
 * docs/PERFORMANCE-EVALUATION.md for the commands and the figures. Arguments: [cases, default 100,000] [month,
 * default 2024-03] [days: spread the reports over about this many days from 2024-01-02, e.g. 365; default a report
 * every 1–8 minutes].
 *
 * <p>The histories ({@link CaseHistories}, seed 2, the path mix of its enum) are imported through {@link CaseImport} in
 * chunks of 100,000 lines, then {@code ANALYZE}. The data set is remembered in the harness's table
 * {@code bench_dataset}: a rerun with the same arguments on the same database keeps it and starts timing at once;
 * otherwise the database's {@code public} schema is dropped and the data set loaded anew.
 *
 * <p>Then, three times (the first run right after start-up: cold JVM), departments and streets — the issue 6
 * acceptance — together from one read of the facts ({@link Evaluator#evaluate(List, LocalDate, LocalDate, Instant)}),
 * then each on its own as two requests would; with {@code -Dbench.allTables=true} also supervisors and the three positions.
 * The evaluation's memo of recent reads is off unless {@code -Dbench.memo=true}, so that every evaluation reads.
 * Each table's fingerprint (SHA-256 over keys, figures, scores, grades and the items behind every count) is printed
 * so that two versions of the evaluator can be compared on the same data.
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var from = LocalDate.parse((args.length > 1 ? args[1] : "2024-03") + "-01");
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        // 1..maxGap seconds apart, on average (1 + maxGap) / 2: count reports over about `days` days
        int maxGap = days == 0 ? 0 : (int) Math.max(1, Math.round(2.0 * days * 86_400 / count) - 1);
        boolean allTables = Boolean.getBoolean("bench.allTables");
        var to = from.plusMonths(1);
        var dataset = "EvaluationBenchmark cases=" + count + " seed=2 start=2024-01-02 maxGapSeconds=" + maxGap;
        boolean keep = BenchApp.holdsDataset(dataset);
        System.out.printf("data set: %s (%s)%n", dataset, keep ? "present, kept" : "loading");
        try (var ctx = BenchApp.start(!keep, "citygrid.cases.import.max-size=2GB",
                "citygrid.cases.import.max-lines=" + Math.max(count, 100_000),
                // nothing else in the background while loading and timing
                "citygrid.demo.history.count=0", "citygrid.assets.demo-count=0",
                "citygrid.cases.sla.enabled=false", "spring.datasource.hikari.maximum-pool-size=5",
                // every evaluation reads the facts (the memo of recent reads would serve runs 2 and 3 and the second
                // table); -Dbench.memo=true keeps it, to time what a drill-down or the next table costs with it
                "citygrid.evaluation.facts-max-age=" + (Boolean.getBoolean("bench.memo") ? "PT10M" : "PT0S"))) {
            var jdbc = ctx.getBean(JdbcClient.class);
            if (!keep) {
                var imports = ctx.getBean(CaseImport.class);
                var histories = new CaseHistories(BenchApp.places(ctx), 2, Instant.parse("2024-01-02T00:00:00Z"),
                        "H-", maxGap);
                int left = count;
                long t0 = System.nanoTime();
                while (left > 0) {
                    int chunk = Math.min(left, 100_000);
                    long c0 = System.nanoTime();
                    var result = imports.run(histories.file(chunk), Locale.ENGLISH);
                    if (!result.errors().isEmpty()) {
                        throw new IllegalStateException("import failed: " + result.errors().getFirst());
                    }
                    left -= chunk;
                    System.out.printf("  imported %,d (%.0f cases/s), %,d left%n", result.imported(),
                            chunk / ((System.nanoTime() - c0) / 1e9), left);
                }
                BenchApp.report("import", System.nanoTime() - t0, count, "cases");
                System.out.printf("paths %s%n", histories.counts());
                jdbc.sql("ANALYZE").update();
                BenchApp.markDataset(dataset);
            }
            System.out.printf("stored: %,d cases, %,d timeline entries, %,d stage clocks, %,d assignments%n",
                    jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM case_timeline").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM case_stage").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM case_assignment").query(Long.class).single());
            var evaluator = ctx.getBean(Evaluator.class);
            var facts = ctx.getBean(CaseFacts.class);
            var zone = evaluator.zone();
            var asOf = to.plusDays(10).atStartOfDay(zone).toInstant();
            var cpu = new Cpu(jdbc);
            var both = List.of(new Evaluator.Table(Report.Subject.DEPARTMENTS, null),
                    new Evaluator.Table(Report.Subject.REGIONS, "STREET"));
            for (int run = 1; run <= 3; run++) {
                System.out.printf("run %d%n", run);
                cpu.start();
                long t0 = System.nanoTime();
                var reports = evaluator.evaluate(both, from, to, asOf);
                System.out.printf("  departments + streets together (one read): %d + %d rows in %.2f s %s%n",
                        reports.get(0).rows().size(), reports.get(1).rows().size(), (System.nanoTime() - t0) / 1e9,
                        cpu.since());
                cpu.start();
                long apart = System.nanoTime();
                var departments = time("departments",
                        () -> evaluator.evaluate(Report.Subject.DEPARTMENTS, null, from, to, asOf));
                var streets = time("streets",
                        () -> evaluator.evaluate(Report.Subject.REGIONS, "STREET", from, to, asOf));
                System.out.printf("  departments, then streets (two reads): %.2f s %s%n",
                        (System.nanoTime() - apart) / 1e9, cpu.since());
                if (run == 1) {
                    System.out.printf("  fingerprints: departments %s, streets %s; together: %s, %s%n",
                            fingerprint(departments), fingerprint(streets), fingerprint(reports.get(0)),
                            fingerprint(reports.get(1)));
                }
                if (allTables) {
                    time("supervisors", () -> evaluator.evaluate(Report.Subject.SUPERVISORS, null, from, to, asOf));
                    for (var role : new String[] {"OPERATOR", "SHIFT_LEAD", "DISPATCHER"}) {
                        time(role, () -> evaluator.evaluate(Report.Subject.POSITIONS, role, from, to, asOf));
                    }
                }
            }
            overHttp(from, to, asOf);
            long f0 = System.nanoTime();
            int touched = facts.activeIn(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), asOf)
                    .size();
            System.out.printf("month %s: %,d cases with a step in the month; their facts read alone in %.2f s%n", from,
                    touched, (System.nanoTime() - f0) / 1e9);
        }
    }

    /**
     * The two tables and a drill-down as a reader's browser or a client asks for them: three requests to the running
     * server (HTTP Basic as the leader; the first request also pays the password check), each timed to its last byte.
     * With the memo off every request reads the month; with {@code -Dbench.memo=true} the second and third count the
     * facts the first one read.
     */
    private static void overHttp(LocalDate from, LocalDate to, Instant asOf) throws Exception {
        var base = "http://localhost:" + System.getProperty("server.port") + "/api/v1/evaluation/";
        var query = "?from=" + from + "&to=" + to + "&asOf=" + asOf;
        var auth = "Basic " + java.util.Base64.getEncoder().encodeToString("leader:Demo@2026".getBytes(
                StandardCharsets.UTF_8));
        var http = java.net.http.HttpClient.newHttpClient();
        System.out.printf("over HTTP (%s):%n", Boolean.getBoolean("bench.memo") ? "memo on" : "memo off");
        for (var path : List.of("departments" + query, "regions" + query + "&level=STREET",
                "drill" + query + "&subject=department:water&figure=due")) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Authorization", auth).header("Accept", "application/json").build();
            long t0 = System.nanoTime();
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.printf("  GET %-60s %d, %,d bytes in %.2f s%n", path.substring(0, path.indexOf('?')),
                    response.statusCode(), response.body().length(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * CPU time spent by this JVM and by the PostgreSQL server processes serving this database (read from /proc when
     * PostgreSQL runs on this machine): unlike the wall time, hardly affected by other load on a shared machine.
     */
    private static final class Cpu {

        private final JdbcClient jdbc;
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long jvm;
        private long pg;

        Cpu(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        void start() {
            jvm = os.getProcessCpuTime();
            pg = pgTicks();
        }

        String since() {
            long ticks = pgTicks();
            return String.format("[CPU: JVM %.2f s, PostgreSQL %s]", (os.getProcessCpuTime() - jvm) / 1e9,
                    ticks < 0 || pg < 0 ? "n/a" : String.format("%.2f s", (ticks - pg) / 100.0));
        }

        /** utime + stime of this database's backends, in clock ticks (1/100 s); -1 when not readable. */
        private long pgTicks() {
            long sum = 0;
            for (var pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                    .query(Integer.class).list()) {
                try {
                    var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    var f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
            }
            return sum;
        }
    }

    private static Report time(String what, java.util.function.Supplier<Report> table) {
        long t0 = System.nanoTime();
        var report = table.get();
        System.out.printf("  %-12s %3d rows in %.2f s%n", what, report.rows().size(), (System.nanoTime() - t0) / 1e9);
        return report;
    }

    /** SHA-256 over everything a table shows and the items behind its counts (in order), first 16 hex digits. */
    static String fingerprint(Report report) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        for (var row : report.rows()) {
            var line = new StringBuilder().append(row.key()).append('|').append(row.name()).append('|')
                    .append(row.figures()).append('|').append(row.score()).append('|').append(row.grade())
                    .append('|').append(row.insufficientSample());
            row.items().forEach((figure, items) -> {
                line.append('|').append(figure).append(':');
                items.forEach(i -> line.append(i.caseId()).append('/').append(i.caseNo()).append('/')
                        .append(i.assignmentNo()).append(i.excluded() ? "x" : "").append(','));
            });
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
