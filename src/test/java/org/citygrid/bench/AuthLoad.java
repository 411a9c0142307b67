package org.citygrid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * What authentication costs per request (issue 7): a closed loop of {@code clients} virtual users, each sending
 * {@code GET /api/v1/me} as soon as the previous answer came back, for {@code seconds} after {@code warmup}, with
 * one of two ways to authenticate:
 * <ul>
 * <li>{@code auth=basic}: an {@code Authorization: Basic} header on every request (the password is checked on every
 * request: BCrypt, unless the server remembers verified passwords — {@code citygrid.security.verified-passwords});</li>
 * <li>{@code auth=session}: each user signs in once through the login form and sends its session cookie.</li>
 * </ul>
 * Prints requests/s and latency percentiles (HdrHistogram). bench/auth-cost.sh runs every combination.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.citygrid.bench.AuthLoad \
 *   url=http://127.0.0.1:8119 auth=basic clients=8 seconds=20 warmup=5
 * </pre>
 */
public final class AuthLoad {

    public static void main(String[] args) throws Exception {
        var opts = new HashMap<String, String>();
        for (var a : args) {
            var kv = a.split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        var base = opts.getOrDefault("url", "http://127.0.0.1:8119");
        var auth = opts.getOrDefault("auth", "basic");
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        var user = opts.getOrDefault("user", "dispatcher1");
        var password = opts.getOrDefault("password", "Demo@2026");
        var label = opts.getOrDefault("label", auth);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            var requests = new ArrayList<HttpRequest>();
            var basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            var intake = new IntakeLoad(http, base);
            for (int i = 0; i < clients; i++) {
                var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
                if ("session".equals(auth)) {
                    request.header("Cookie", intake.signIn(user, password).cookie());
                } else {
                    request.header("Authorization", basic);
                }
                requests.add(request.GET().build());
            }
            long start = System.nanoTime();
            long from = start + TimeUnit.SECONDS.toNanos(warmup);
            long to = from + TimeUnit.SECONDS.toNanos(seconds);
            var latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
            Map<String, Long> errors = new ConcurrentHashMap<>();
            var loops = new ArrayList<Future<?>>();
            for (var request : requests) {
                loops.add(threads.submit(() -> {
                    while (System.nanoTime() < to) {
                        long sent = System.nanoTime();
                        String outcome;
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            outcome = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        long end = System.nanoTime();
                        if (end >= from && end < to) {
                            if (outcome == null) {
                                latency.recordValue(Math.min(latency.getHighestTrackableValue(), (end - sent) / 1000));
                            } else {
                                errors.merge(outcome, 1L, Long::sum);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var f : loops) {
                f.get();
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", label, clients,
                    latency.getTotalCount(), latency.getTotalCount() / (double) seconds,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                    errors.isEmpty() ? "0" : new TreeMap<>(errors).toString());
        }
    }
}
