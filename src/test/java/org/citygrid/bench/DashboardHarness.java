package org.citygrid.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.dashboard.internal.DashboardCache;
import org.citygrid.support.CaseHistories;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's data endpoints over 50,000 open cases on PostgreSQL (docs/PERFORMANCE.md, "Dashboard"). Loads N
 * open cases (default 50,000) through the legacy import — reported over the last ten days at points of the demo
 * district, left in every open state (待受理, 待核实, 待立案, 待派遣, 待接收, 处置中), so most clocks are overdue and the
 * 7-day hotspots have filings — records a yellow instant for every running clock as the SLA monitor would, then signs in as the leader with the login form (the browser's session, as the page
 * uses it) and times each endpoint over HTTP: 20 warm-up requests, then 200 measured, one at a time.
 * Needs {@code CITYGRID_BENCH_PG_URL} (a throwaway database; see {@link BenchApp}). Not a test: Surefire never runs it.
 */
public final class DashboardHarness {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;

    private DashboardHarness() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (var ctx = BenchApp.start("citygrid.cases.import.max-size=1GB",
                "citygrid.cases.import.max-lines=" + Math.max(count, 100_000), "citygrid.assets.demo-count=1000",
                "citygrid.assets.demo-in-background=false", "citygrid.cases.sla.enabled=false",
                "spring.datasource.hikari.maximum-pool-size=4")) {
            var places = BenchApp.places(ctx);
            long t0 = System.nanoTime();
            var result = ctx.getBean(CaseImport.class).run(openCases(places, count), Locale.ENGLISH);
            BenchApp.report("import of open cases", System.nanoTime() - t0, result.imported(), "cases");
            if (!result.errors().isEmpty()) {
                System.out.println("errors: " + result.errors().size() + ", first: " + result.errors().getFirst());
            }
            // What the SLA monitor's first pass would record (it takes minutes for 50,000 clocks under load): a
            // signal row per running clock with its yellow instant at 80 % of the way, so the light join is full.
            var jdbc = ctx.getBean(JdbcClient.class);
            jdbc.sql("""
                    INSERT INTO case_stage_signal (case_id, stage, assignment_no, started_at, deadline, yellow_at,
                        signalled)
                    SELECT case_id, stage, assignment_no, started_at, deadline,
                        started_at + (deadline - started_at) * 0.8, 0
                    FROM case_stage WHERE ended_at IS NULL AND paused_at IS NULL""").update();
            jdbc.sql("ANALYZE").update();
            System.out.printf("open cases: %,d; running clocks: %,d%n",
                    jdbc.sql("SELECT COUNT(*) FROM case_file WHERE status NOT IN ('CLOSED','VOIDED','NOT_FILED')")
                            .query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM case_stage WHERE ended_at IS NULL AND paused_at IS NULL")
                            .query(Long.class).single());
            var port = ctx.getEnvironment().getProperty("local.server.port");
            var cache = ctx.getBean(DashboardCache.class);
            System.out.println("Computed afresh (the cache emptied before each request):");
            measure("http://localhost:" + port, cache::invalidate, 3, 30);
            System.out.println("As served (shared figures, recomputed after a case event or 10 s):");
            measure("http://localhost:" + port, () -> { }, WARM_UP, MEASURED);
        }
    }

    /** Open histories only: the import replays each through the state machine at its own times. */
    static byte[] openCases(CaseHistories.Places places, int count) {
        var random = new Random(11);
        var now = Instant.now();
        var out = new StringBuilder(count * 400);
        for (int i = 0; i < count; i++) {
            var p = places.points().get(random.nextInt(places.points().size()));
            var cls = places.classCodes().get(random.nextInt(places.classCodes().size()));
            var dept = places.departments().get(random.nextInt(places.departments().size()));
            var supervisor = places.supervisors().get(random.nextInt(places.supervisors().size()));
            var reported = now.minus(Duration.ofMinutes(30 + random.nextInt(10 * 24 * 60)));
            var t = reported;
            int depth = random.nextInt(6);
            boolean hotline = depth == 1;
            var events = new StringBuilder();
            if (hotline) {
                t = event(events, t, random, "send-verify", "operator1", "\"supervisor\":\"" + supervisor + "\"");
            } else if (depth >= 2) {
                t = event(events, t, random, "accept", "operator1", "");
            }
            if (depth >= 3) {
                t = event(events, t, random, "file", "shiftlead1", "");
            }
            if (depth >= 4) {
                t = event(events, t, random, "dispatch", "dispatcher1", "\"departmentCode\":\"" + dept + "\"");
            }
            if (depth >= 5) {
                event(events, t, random, "receive", "h-" + dept, "");
            }
            out.append("{\"externalId\":\"DB-").append(i).append("\",\"channel\":\"")
                    .append(hotline ? "HOTLINE" : "SUPERVISOR").append("\",\"kind\":\"COMPONENT\",\"classCode\":\"")
                    .append(cls).append("\",\"lon\":").append(p[0]).append(",\"lat\":").append(p[1])
                    .append(",\"description\":\"").append(hotline ? "市民来电：路灯不亮" : "井盖破损")
                    .append("\",\"reportedAt\":\"").append(ISO.format(reported.atOffset(ZoneOffset.ofHours(8))))
                    .append("\",\"reporter\":\"").append(hotline ? "市民" : supervisor).append("\",\"events\":[")
                    .append(events).append("]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant event(StringBuilder events, Instant t, Random random, String action, String actor,
                                 String fields) {
        var at = t.plus(Duration.ofMinutes(1 + random.nextInt(5)));
        if (!events.isEmpty()) {
            events.append(',');
        }
        events.append("{\"at\":\"").append(ISO.format(at.atOffset(ZoneOffset.ofHours(8)))).append("\",\"action\":\"")
                .append(action).append("\",\"actor\":\"").append(actor).append('"');
        if (!fields.isEmpty()) {
            events.append(',').append(fields);
        }
        events.append('}');
        return at;
    }

    static void measure(String base, Runnable before, int warmUp, int measured) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(http, base);
        var endpoints = new LinkedHashMap<String, String>();
        endpoints.put("summary", "/api/v1/dashboard/summary");
        endpoints.put("map, city (zoom 12, cells)", "/api/v1/dashboard/map?zoom=12&bbox=116.30,39.85,116.50,39.98");
        endpoints.put("map, district (zoom 14, cells)", "/api/v1/dashboard/map?zoom=14&bbox=116.38,39.89,116.43,39.94");
        endpoints.put("map, street (zoom 16, points)", "/api/v1/dashboard/map?zoom=16&bbox=116.400,39.910,116.412,39.918");
        endpoints.put("overdue (20)", "/api/v1/dashboard/overdue?limit=20");
        endpoints.put("hotspots (7 days)", "/api/v1/dashboard/hotspots?days=7&limit=10");
        endpoints.put("classes (7 days)", "/api/v1/dashboard/classes?days=7&limit=10");
        System.out.println("| endpoint | p50 ms | p95 ms | max ms | bytes |");
        System.out.println("|---|---|---|---|---|");
        for (var e : endpoints.entrySet()) {
            var request = HttpRequest.newBuilder(URI.create(base + e.getValue())).header("Accept", "application/json")
                    .GET().build();
            int bytes = 0;
            for (int i = 0; i < warmUp; i++) {
                before.run();
                bytes = check(http.send(request, HttpResponse.BodyHandlers.ofString())).body().length();
            }
            var ms = new double[measured];
            for (int i = 0; i < measured; i++) {
                before.run();
                long start = System.nanoTime();
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("| %s | %.1f | %.1f | %.1f | %,d |%n", e.getKey(), ms[measured / 2],
                    ms[(int) Math.ceil(measured * 0.95) - 1], ms[measured - 1], bytes);
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** The login form, as a browser fills it: its CSRF token, then the session cookie the answer sets. */
    private static void signIn(HttpClient http, String base) throws Exception {
        signIn(http, base, "leader");
    }

    /** The login form of {@code username} with the demo password. */
    static void signIn(HttpClient http, String base, String username) throws Exception {
        var form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the login form");
        }
        var body = String.join("&", List.of("username=" + username, "password=" + URLEncoder.encode(
                System.getenv().getOrDefault("CITYGRID_DEMO_PASSWORD", "Demo@2026"), StandardCharsets.UTF_8),
                "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8)));
        var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        var location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
        }
    }
}
