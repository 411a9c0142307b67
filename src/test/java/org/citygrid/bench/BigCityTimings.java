package org.citygrid.bench;

import static org.citygrid.bench.BigCity.COLS;
import static org.citygrid.bench.BigCity.DLAT;
import static org.citygrid.bench.BigCity.DLON;
import static org.citygrid.bench.BigCity.LAT_N;
import static org.citygrid.bench.BigCity.LON0;
import static org.citygrid.bench.BigCity.ROWS;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.citygrid.dashboard.internal.DashboardCache;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key queries of the platform on the big city ({@link BigCity} must have run): starts the application in this
 * JVM (run it with {@code -Xmx2g}) on the big city's database (profile postgres, no demo data, SLA monitor off, port
 * {@code CITYGRID_BENCH_PORT}, default 8127), records start-up time and resident memory, signs in through the login
 * form once per user (a session: no BCrypt per request) and times each request over HTTP, one at a time, with
 * parameters drawn at random (seeded) so that no answer is served twice from a cache it should not have. Prints a
 * Markdown table: p50 / p95 / max in ms. Optional argument: a regular expression of the operations to run.
 */
public final class BigCityTimings {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Random random = new Random(42);
    private final HttpClient leader = client();
    private final HttpClient dispatcher = client();
    private final String base;
    private final Pattern only;
    private List<Long> caseIds;

    private BigCityTimings(String base, Pattern only) {
        this.base = base;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        var only = Pattern.compile(args.length > 0 ? args[0] : ".*");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        var port = System.getenv().getOrDefault("CITYGRID_BENCH_PORT", "8127");
        try (var ctx = BigCity.start(BigCity.url(), port)) {
            long started = System.currentTimeMillis();
            var t = new BigCityTimings("http://127.0.0.1:" + port, only);
            DashboardHarness.signIn(t.leader, t.base, "leader");
            DashboardHarness.signIn(t.dispatcher, t.base, "dispatcher1");
            long firstLocate = System.nanoTime();
            t.get(t.dispatcher, "/api/v1/geo/locate?lon=116.3&lat=39.9");
            System.out.printf("max heap %,d MiB; context started %.1f s after JVM start; first locate (builds the "
                            + "grid index of 100,000 grids) %.1f s; RSS idle %s%n",
                    Runtime.getRuntime().maxMemory() >> 20, (started - jvmStart) / 1e3,
                    (System.nanoTime() - firstLocate) / 1e9, rss());
            var jdbc = ctx.getBean(JdbcClient.class);
            t.caseIds = jdbc.sql("SELECT id FROM case_file TABLESAMPLE SYSTEM (1) LIMIT 2000").query(Long.class)
                    .list();
            System.out.println("| operation | n | p50 ms | p95 ms | max ms | mean bytes |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            t.geo();
            t.components();
            t.cases();
            t.dashboard(ctx.getBean(DashboardCache.class));
            t.evaluation();
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("RSS after the run %s; heap used after GC %,d MiB of %,d MiB committed%n", rss(),
                    heap.getUsed() >> 20, heap.getCommitted() >> 20);
        }
    }

    private void geo() throws Exception {
        time("locate (point → grid)", dispatcher, 50, 1000,
                () -> "/api/v1/geo/locate?lon=%.6f&lat=%.6f".formatted(lon(), lat()));
    }

    private void components() throws Exception {
        var p = "/api/v1/assets/components";
        time("components clusters, whole city (zoom 12)", dispatcher, 2, 10,
                () -> p + "/clusters?zoom=12&bbox=" + window(COLS, ROWS));
        time("components clusters, 4 km window (zoom 14)", dispatcher, 3, 30,
                () -> p + "/clusters?zoom=14&bbox=" + window(40, 40));
        time("components clusters, 1 km window (zoom 16)", dispatcher, 5, 50,
                () -> p + "/clusters?zoom=16&bbox=" + window(10, 10));
        time("components nearest (50 m, 10)", dispatcher, 10, 200,
                () -> p + "/nearest?radius=50&limit=10&lon=%.6f&lat=%.6f".formatted(lon(), lat()));
        time("components window 300 m (list, 100 a page)", dispatcher, 10, 100,
                () -> p + "?size=100&bbox=" + window(3, 3));
        time("components of a grid (list)", dispatcher, 10, 100, () -> p + "?gridCode=" + grid());
    }

    private void cases() throws Exception {
        var p = "/api/v1/cases?size=20";
        var month = LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(1);
        time("cases, newest first (no filter)", leader, 5, 50, () -> p);
        time("cases, newest first, page 200", leader, 5, 50, () -> p + "&page=" + (190 + random.nextInt(20)));
        time("cases, status IN_PROGRESS", leader, 5, 50, () -> p + "&status=IN_PROGRESS");
        time("cases, open states (4 statuses)", leader, 5, 50,
                () -> p + "&status=REPORTED&status=PENDING_FILING&status=PENDING_DISPATCH&status=DISPATCHED");
        time("cases, overdue", leader, 5, 50, () -> p + "&overdue=true");
        time("cases, class", leader, 5, 50, () -> p + "&kind=COMPONENT&classCode=" + classCode());
        time("cases, street", leader, 5, 50, () -> p + "&streetCode=" + street());
        time("cases, grid", leader, 5, 50, () -> p + "&gridCode=" + grid());
        time("cases, department", leader, 5, 50, () -> p + "&departmentCode="
                + BenchApp.DEPARTMENTS.get(random.nextInt(BenchApp.DEPARTMENTS.size())));
        time("cases, one month", leader, 5, 50, () -> p + monthRange(month.minusMonths(random.nextInt(12))));
        time("cases, street + CLOSED + month", leader, 5, 50, () -> p + "&status=CLOSED&streetCode=" + street()
                + monthRange(month.minusMonths(random.nextInt(12))));
        time("case page JSON (GET /cases/{id})", leader, 10, 200,
                () -> "/api/v1/cases/" + caseIds.get(random.nextInt(caseIds.size())));
    }

    private void dashboard(DashboardCache cache) throws Exception {
        var p = "/api/v1/dashboard/";
        for (var fresh : new boolean[] {true, false}) {
            Runnable before = fresh ? cache::invalidate : () -> { };
            var how = fresh ? " (afresh)" : " (as served)";
            int warm = fresh ? 2 : 10;
            int n = fresh ? 20 : 100;
            time("dashboard summary" + how, leader, warm, n, before, () -> p + "summary");
            time("dashboard map, city zoom 12" + how, leader, warm, n, before,
                    () -> p + "map?zoom=12&bbox=" + whole());
            time("dashboard map, 4 km zoom 14" + how, leader, warm, n, before,
                    () -> p + "map?zoom=14&bbox=" + window(40, 40));
            time("dashboard map, 1 km zoom 16" + how, leader, warm, n, before,
                    () -> p + "map?zoom=16&bbox=" + window(10, 10));
            time("dashboard overdue (20)" + how, leader, warm, n, before, () -> p + "overdue?limit=20");
            time("dashboard hotspots (7 days)" + how, leader, warm, n, before, () -> p + "hotspots?days=7&limit=10");
            time("dashboard classes (7 days)" + how, leader, warm, n, before, () -> p + "classes?days=7&limit=10");
            time("dashboard ranking" + how, leader, fresh ? 1 : 2, fresh ? 3 : 20, before, () -> p + "ranking");
        }
    }

    private void evaluation() throws Exception {
        var month = LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(1);
        var range = "from=" + month + "&to=" + month.plusMonths(1);
        time("evaluation, departments of last month", leader, 1, 3,
                () -> "/api/v1/evaluation/departments?" + range);
        time("evaluation, streets of last month", leader, 1, 3,
                () -> "/api/v1/evaluation/regions?level=STREET&" + range);
    }

    private void time(String what, HttpClient http, int warmUp, int n, Supplier<String> path) throws Exception {
        time(what, http, warmUp, n, () -> { }, path);
    }

    private void time(String what, HttpClient http, int warmUp, int n, Runnable before, Supplier<String> path)
            throws Exception {
        if (!only.matcher(what).find()) {
            return;
        }
        for (int i = 0; i < warmUp; i++) {
            before.run();
            get(http, path.get());
        }
        var ms = new double[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            before.run();
            var url = path.get();
            long t0 = System.nanoTime();
            bytes += get(http, url);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %,d |%n", what, n, ms[n / 2],
                ms[(int) Math.ceil(n * 0.95) - 1], ms[n - 1], bytes / n);
    }

    private int get(HttpClient http, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → HTTP " + r.statusCode() + ": " + new String(r.body()));
        }
        return r.body().length;
    }

    private double lon() {
        return LON0 + random.nextDouble() * COLS * DLON;
    }

    private double lat() {
        return LAT_N - random.nextDouble() * ROWS * DLAT;
    }

    /** A window of w × h cells at a random place of the city, as bbox=minLon,minLat,maxLon,maxLat. */
    private String window(int w, int h) {
        int col = random.nextInt(COLS - w + 1);
        int row = random.nextInt(ROWS - h + 1);
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", LON0 + col * DLON, LAT_N - (row + h) * DLAT,
                LON0 + (col + w) * DLON, LAT_N - row * DLAT);
    }

    private String whole() {
        return window(COLS, ROWS);
    }

    private String grid() {
        int col = random.nextInt(COLS);
        int row = random.nextInt(ROWS);
        int street = (row / 50) * 2 + (col % 100) / 50 + 1;
        int community = ((row % 50) / 10) * 5 + (col % 50) / 10 + 1;
        return "99010" + (col / 100 + 1) + "%03d%03d%03d".formatted(street, community, (row % 10) * 10 + col % 10 + 1);
    }

    private String street() {
        return grid().substring(0, 9);
    }

    private String classCode() {
        var codes = List.of("01001", "01002", "01003", "01005", "01037", "03005", "04002", "02017");
        return codes.get(random.nextInt(codes.size()));
    }

    private static String monthRange(LocalDate month) {
        return "&from=" + month + "&to=" + month.plusMonths(1).minusDays(1);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("?");
    }
}
