package org.citygrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Intake load generator (issue 5/7): drives {@code POST /api/v1/cases} of a running server at a target rate for a
 * duration and prints throughput, latency percentiles and errors. Not a test; run it from the test classpath:
 *
 * <pre>
 * java -cp target/test-classes org.citygrid.bench.IntakeLoad url=http://127.0.0.1:8107 rate=500 seconds=60 users=50
 * </pre>
 *
 * Each virtual user signs in once with the login form (supervisor1..supervisor5 in turn, password {@code
 * password=Demo@2026}), keeps the session cookie and the CSRF token of its session, and sends its reports with them —
 * so BCrypt is paid once per user, not per request (HTTP Basic would hash the password on every call). Requests are
 * sent open-loop: request i is due at {@code start + i / rate}, each on its own virtual thread, and its latency is
 * measured from when it was due (a server that falls behind is charged for the queue it causes: no coordinated
 * omission). A warm-up ({@code warmup=10} seconds at the same rate) is not counted. Reports are supervisor reports of
 * component classes at random points of central Dongcheng (inside the demo district's unit grids).
 *
 * <p>{@code auth=none path=/bare/reports} drives {@link BareInsertApp} (the bare-insert ceiling) with the same
 * client, requests and timing: no sign-in, no CSRF header, points drawn at random in the same box.
 */
public final class IntakeLoad {

    private static final int SIGN_IN_CONCURRENCY = 2;
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final List<String> CLASSES = List.of("01001", "01002", "01003", "01004", "01007", "01037",
            "02017", "02021", "03005", "04002");

    /** A signed-in virtual user: its session cookie and CSRF token. */
    record User(String name, String cookie, String csrfHeader, String csrfToken) {
    }

    private static final Pattern RING = Pattern.compile("\"coordinates\":\\[\\[\\[(.*?)\\]\\]");
    private static final Pattern PAIR = Pattern.compile("\\[?([0-9.]+),([0-9.]+)\\]?");

    private final HttpClient http;
    private final String base;
    private String path = "/api/v1/cases";
    /** Centres of unit grids of central Dongcheng, where the reports are made. */
    private List<double[]> places = List.of();

    IntakeLoad(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        var opts = new HashMap<String, String>();
        for (var a : args) {
            var kv = a.split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        var base = opts.getOrDefault("url", "http://127.0.0.1:8107");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        int users = Integer.parseInt(opts.getOrDefault("users", "50"));
        var password = opts.getOrDefault("password", "Demo@2026");
        boolean anonymous = "none".equals(opts.getOrDefault("auth", "session"));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            var load = new IntakeLoad(http, base);
            load.path = opts.getOrDefault("path", load.path);
            long t0 = System.nanoTime();
            var signedIn = anonymous ? List.of(new User("anonymous", null, null, null))
                    : load.signIn(users, password, threads);
            load.places = anonymous ? randomPlaces() : load.places(signedIn.getFirst());
            System.out.printf(Locale.ROOT, "%d unit grids to report in%n", load.places.size());
            System.out.printf(Locale.ROOT, "signed in %d users in %.1f s%n", signedIn.size(),
                    (System.nanoTime() - t0) / 1e9);
            if (warmup > 0) {
                var w = load.run(signedIn, rate, warmup, threads);
                System.out.println("warm-up: " + w.summary(warmup));
            }
            var r = load.run(signedIn, rate, seconds, threads);
            System.out.printf(Locale.ROOT, "target %.0f reports/s for %d s, %d users, %s%n", rate, seconds, users,
                    base);
            System.out.println(r.summary(seconds));
        }
    }

    // ------------------------------------------------------------------ sign-in

    List<User> signIn(int count, String password, ExecutorService threads) throws Exception {
        // a few at a time: each sign-in costs a BCrypt hash (and, measured, holds a database connection meanwhile)
        var gate = new java.util.concurrent.Semaphore(SIGN_IN_CONCURRENCY);
        var futures = new ArrayList<java.util.concurrent.Future<User>>();
        for (int i = 0; i < count; i++) {
            var name = "supervisor" + (i % 5 + 1);
            futures.add(threads.submit(() -> {
                gate.acquire();
                try {
                    return signIn(name, password);
                } finally {
                    gate.release();
                }
            }));
        }
        var users = new ArrayList<User>();
        for (var f : futures) {
            users.add(f.get());
        }
        return users;
    }

    User signIn(String username, String password) throws IOException, InterruptedException {
        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var cookie = session(page, null);
        var token = find(HIDDEN_CSRF, page.body(), "the login form's CSRF token");
        var form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        var location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + login.statusCode() + " "
                    + location);
        }
        cookie = session(login, cookie);
        // any page with the layout carries the session's token in a meta tag; the login page is the lightest
        var home = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", "JSESSIONID=" + cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new User(username, "JSESSIONID=" + cookie, find(META_HEADER, home.body(), "the CSRF header name"),
                find(META_CSRF, home.body(), "the session's CSRF token"));
    }

    /** For a server without geography: 2,000 points drawn at random in the box of central Dongcheng. */
    static List<double[]> randomPlaces() {
        var random = new java.util.Random(7);
        var points = new ArrayList<double[]>();
        for (int i = 0; i < 2_000; i++) {
            points.add(new double[] {116.40 + random.nextDouble() * 0.04, 39.89 + random.nextDouble() * 0.06});
        }
        return points;
    }

    /** Fetches the places to report at with this user's session (see {@link #places(User)}). */
    void placesFrom(User user) throws IOException, InterruptedException {
        places = places(user);
    }

    /** The vertex averages of the unit grids in central Dongcheng (GET /api/v1/geo/grids as GeoJSON). */
    List<double[]> places(User user) throws IOException, InterruptedException {
        var body = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/geo/grids?bbox=116.40,39.89,116.44,39.95&format=geojson"))
                .header("Cookie", user.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        var centres = new ArrayList<double[]>();
        var rings = RING.matcher(body);
        while (rings.find()) {
            var pairs = PAIR.matcher(rings.group(1));
            double lon = 0;
            double lat = 0;
            int n = 0;
            while (pairs.find()) {
                lon += Double.parseDouble(pairs.group(1));
                lat += Double.parseDouble(pairs.group(2));
                n++;
            }
            if (n > 0) {
                centres.add(new double[] {lon / n, lat / n});
            }
        }
        if (centres.isEmpty()) {
            throw new IllegalStateException("no unit grids in central Dongcheng: is the demo geography loaded?");
        }
        return centres;
    }

    private static String session(HttpResponse<?> response, String previous) {
        for (var c : response.headers().allValues("Set-Cookie")) {
            var m = SESSION.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no session cookie from " + response.uri());
        }
        return previous;
    }

    private static String find(Pattern p, String body, String what) {
        var m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in the page: " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ load

    /** What one phase measured: latencies of the successful reports (from when they were due), errors by cause. */
    record Run(long[] latenciesNanos, long[] serviceNanos, int sent, int ok, Map<String, Integer> errors,
               double lateStartMillis) {

        String summary(int seconds) {
            var lat = latenciesNanos.clone();
            var svc = serviceNanos.clone();
            Arrays.sort(lat);
            Arrays.sort(svc);
            return String.format(Locale.ROOT, "sent %d, created %d (%.1f/s), errors %d %s; latency from due time "
                            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; service time p50 %.1f ms, p99 %.1f "
                            + "ms; scheduler late by up to %.1f ms", sent, ok, (double) ok / seconds,
                    errors.values().stream().mapToInt(Integer::intValue).sum(), new TreeMap<>(errors),
                    ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(lat, 99)), ms(lat.length == 0 ? 0 : lat[lat.length - 1]),
                    ms(pct(svc, 50)), ms(pct(svc, 99)), lateStartMillis);
        }

        private static long pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    Run run(List<User> users, double rate, int seconds, ExecutorService threads) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        var latencies = new long[total];
        var service = new long[total];
        var ok = new boolean[total];
        var errors = new ConcurrentHashMap<String, Integer>();
        var done = new AtomicInteger();
        var finished = new java.util.concurrent.CountDownLatch(total);
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        long worstLate = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                worstLate = Math.max(worstLate, -wait);
            }
            int n = i;
            var user = users.get(i % users.size());
            threads.execute(() -> {
                try {
                    long sentAt = System.nanoTime();
                    var response = http.send(reportRequest(user), HttpResponse.BodyHandlers.ofString());
                    long end = System.nanoTime();
                    if (response.statusCode() == 201) {
                        ok[n] = true;
                        latencies[n] = end - due;
                        service[n] = end - sentAt;
                    } else {
                        if (errors.merge("HTTP " + response.statusCode(), 1, Integer::sum) == 1) {
                            var b = response.body();
                            System.out.println("first HTTP " + response.statusCode() + ": "
                                    + b.substring(0, Math.min(240, b.length())));
                        }
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } finally {
                    done.incrementAndGet();
                    finished.countDown();
                }
            });
        }
        if (!finished.await(seconds + 120L, TimeUnit.SECONDS)) {
            errors.merge("unfinished after the run", total - done.get(), Integer::sum);
        }
        int count = 0;
        for (boolean b : ok) {
            count += b ? 1 : 0;
        }
        var lat = new long[count];
        var svc = new long[count];
        for (int i = 0, j = 0; i < total; i++) {
            if (ok[i]) {
                lat[j] = latencies[i];
                svc[j++] = service[i];
            }
        }
        return new Run(lat, svc, total, count, Map.copyOf(errors), worstLate / 1e6);
    }

    HttpRequest reportRequest(User user) {
        var r = ThreadLocalRandom.current();
        // near the centre of a unit grid of central Dongcheng (within about 5 m)
        var place = places.get(r.nextInt(places.size()));
        double lon = place[0] + (r.nextDouble() - 0.5) * 0.0001;
        double lat = place[1] + (r.nextDouble() - 0.5) * 0.0001;
        var body = String.format(Locale.ROOT, "{\"channel\":\"SUPERVISOR\",\"kind\":\"COMPONENT\",\"classCode\":\"%s\","
                + "\"lon\":%.6f,\"lat\":%.6f,\"description\":\"压测上报（load test）\"}",
                CLASSES.get(r.nextInt(CLASSES.size())), lon, lat);
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (user.cookie() != null) {
            request.header("Cookie", user.cookie()).header(user.csrfHeader(), user.csrfToken());
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
