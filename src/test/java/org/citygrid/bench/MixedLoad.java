package org.citygrid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.citygrid.bench.IntakeLoad.User;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mixed-workflow load generator (issue 7): the whole loop over the real HTTP API of a running server, with the
 * demo accounts. Not a test; run from the test classpath (bench/mixed-load.sh does all of it):
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.citygrid.bench.MixedLoad \
 *   url=http://127.0.0.1:8117 rate=30 reads=20 seconds=60 warmup=15 workers=4 handlers=2
 * </pre>
 *
 * <ul>
 * <li>Supervisors' reports arrive open-loop at {@code rate} per second (report i due at start + i/rate, latency
 * counted from that due time, as in {@link IntakeLoad}).</li>
 * <li>Every other step is worked by virtual users of the role that owns it, each signed in once with its own session
 * (BCrypt once per session): {@code workers} sessions each of operator1 (accept, send-check), shiftlead1 (file,
 * close), dispatcher1 (dispatch to a random professional department) and of each supervisor (check of the cases sent
 * to them), {@code handlers} sessions per department handler (receive, feedback with a reason instead of a photo).
 * A worker takes the next case from its queue, acts with the version the last answer gave, and hands the case to the
 * queue of the next step. A case thus walks report → accept → file → dispatch → receive → feedback → send-check →
 * check → close: nine writes. Latency of these steps is service time (a worker sends its next request when the
 * previous answer came back); the time a case waited in a queue is reported per queue.</li>
 * <li>A 409 (auto-dispatch or an SLA urge changed the case since the last answer) is counted as a conflict, not an
 * error; the worker re-reads the case and hands it to whoever owns its actual state.</li>
 * <li>Reads arrive open-loop at {@code reads} per second, in turn: the dashboard summary and map (leader), the
 * operator's list of new reports, a handler's case list, one case's detail.</li>
 * </ul>
 * Only what completes between the end of the warm-up and the end of the run is counted. Cases still queued at the
 * end are reported as backlog: if it grows, the offered rate is above what the server sustains.
 */
public final class MixedLoad {

    static final List<String> DEPARTMENTS = List.of("water", "drainage", "power", "lighting", "gas", "heating",
            "telecom", "traffic", "roads", "greening", "sanitation");
    static final int SUPERVISORS = 5;
    static final String[] READS = {"dashboard summary", "dashboard map", "list new reports", "list department",
        "case detail"};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A case between two steps: what the last answer said about it. */
    record CaseState(long id, int version, String status, String department, String checker, long queuedAt) {

        static CaseState of(String body) {
            var n = JSON.readTree(body);
            return new CaseState(n.path("id").asLong(), n.path("version").asInt(), n.path("status").asString(),
                    text(n.path("departmentCode")), text(n.path("checker")), System.nanoTime());
        }

        private static String text(JsonNode n) {
            return n.isNull() || n.isMissingNode() ? null : n.asString();
        }
    }

    /** The next step of a case: whose queue, which action, the extra fields of its body. */
    record Step(String queue, String action, String fields) {
    }

    private final HttpClient http;
    private final String base;
    private final IntakeLoad intake;
    private final Map<String, BlockingQueue<CaseState>> queues = new ConcurrentHashMap<>();
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Map<String, Stats> waits = new ConcurrentHashMap<>();
    private final java.util.Set<String> staffed = ConcurrentHashMap.newKeySet();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong leftTheLoop = new AtomicLong();
    private final AtomicLongArray recent = new AtomicLongArray(256);
    private final AtomicLong recentIndex = new AtomicLong();
    private volatile long measureFrom;
    private volatile long measureTo;
    private volatile boolean running = true;

    MixedLoad(HttpClient http, String base) {
        this.http = http;
        this.base = base;
        this.intake = new IntakeLoad(http, base);
    }

    public static void main(String[] args) throws Exception {
        var opts = new HashMap<String, String>();
        for (var a : args) {
            var kv = a.split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        var base = opts.getOrDefault("url", "http://127.0.0.1:8117");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "30"));
        double reads = Double.parseDouble(opts.getOrDefault("reads", "20"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "15"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "4"));
        int handlers = Integer.parseInt(opts.getOrDefault("handlers", "2"));
        var password = opts.getOrDefault("password", "Demo@2026");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            var load = new MixedLoad(http, base);
            load.run(rate, reads, seconds, warmup, workers, handlers, password, threads);
        }
    }

    void run(double rate, double reads, int seconds, int warmup, int workers, int handlers, String password,
             ExecutorService threads) throws Exception {
        long t0 = System.nanoTime();
        var sessions = signIn(workers, handlers, password, threads);
        var reporters = new ArrayList<User>();
        for (int k = 1; k <= SUPERVISORS; k++) {
            reporters.addAll(sessions.get("supervisor" + k));
        }
        intake.placesFrom(reporters.getFirst());
        System.out.printf(Locale.ROOT, "signed in %d sessions in %.1f s%n",
                sessions.values().stream().mapToInt(List::size).sum(), (System.nanoTime() - t0) / 1e9);
        staffed.addAll(sessions.keySet());
        sessions.forEach((queue, users) -> users.forEach(u -> threads.execute(() -> work(queue, u))));
        long start = System.nanoTime() + 100_000_000L;
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        var readers = new ArrayList<User>();
        readers.addAll(sessions.get("leader"));
        threads.execute(() -> openLoop(start, rate, i -> report(reporters.get((int) (i % reporters.size())), start
                + Math.round(i * 1e9 / rate)), threads));
        if (reads > 0) {
            threads.execute(() -> openLoop(start, reads, i -> read((int) (i % READS.length), sessions), threads));
        }
        LockSupport.parkNanos(measureTo - System.nanoTime());
        running = false;
        print(rate, reads, seconds, warmup, workers, handlers);
    }

    // ------------------------------------------------------------------ sign-in

    private Map<String, List<User>> signIn(int workers, int handlers, String password, ExecutorService threads)
            throws Exception {
        var wanted = new LinkedHashMap<String, Integer>();
        for (int k = 1; k <= SUPERVISORS; k++) {
            wanted.put("supervisor" + k, workers);
        }
        wanted.put("operator", workers);
        wanted.put("shiftlead", workers);
        wanted.put("dispatcher", workers);
        DEPARTMENTS.forEach(d -> wanted.put("h-" + d, handlers));
        wanted.put("leader", 1);
        var gate = new java.util.concurrent.Semaphore(2);
        var futures = new LinkedHashMap<String, List<java.util.concurrent.Future<User>>>();
        wanted.forEach((queue, n) -> {
            var account = switch (queue) {
                case "operator", "shiftlead", "dispatcher" -> queue + "1";
                default -> queue;
            };
            var list = new ArrayList<java.util.concurrent.Future<User>>();
            for (int i = 0; i < n; i++) {
                list.add(threads.submit(() -> {
                    gate.acquire();
                    try {
                        return intake.signIn(account, password);
                    } finally {
                        gate.release();
                    }
                }));
            }
            futures.put(queue, list);
        });
        var sessions = new LinkedHashMap<String, List<User>>();
        for (var e : futures.entrySet()) {
            var users = new ArrayList<User>();
            for (var f : e.getValue()) {
                users.add(f.get());
            }
            sessions.put(e.getKey(), users);
        }
        return sessions;
    }

    // ------------------------------------------------------------------ arrivals

    private void openLoop(long start, double rate, java.util.function.LongConsumer send, ExecutorService threads) {
        long period = Math.round(1e9 / rate);
        for (long i = 0; ; i++) {
            long due = start + i * period;
            if (due >= measureTo) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long n = i;
            threads.execute(() -> send.accept(n));
        }
    }

    private void report(User user, long due) {
        var request = intake.reportRequest(user);
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            var s = stats("report");
            if (response.statusCode() == 201) {
                s.ok(end, end - due);
                var c = CaseState.of(response.body());
                remember(c.id());
                handOn(c);
            } else {
                s.failed(end, response.statusCode(), response.body());
            }
        } catch (Exception e) {
            stats("report").failed(System.nanoTime(), e);
        }
    }

    private void read(int kind, Map<String, List<User>> sessions) {
        var r = ThreadLocalRandom.current();
        var leader = sessions.get("leader").getFirst();
        var operator = sessions.get("operator").getFirst();
        var handler = sessions.get("h-" + DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()))).getFirst();
        var path = switch (kind) {
            case 0 -> "/api/v1/dashboard/summary";
            case 1 -> "/api/v1/dashboard/map?bbox=116.38,39.86,116.45,39.97&zoom=14";
            case 2 -> "/api/v1/cases?status=REPORTED&size=20";
            case 3 -> "/api/v1/cases?size=20";
            default -> "/api/v1/cases/" + Math.max(1, recent.get(r.nextInt(recent.length())));
        };
        var user = kind <= 1 ? leader : kind == 3 ? handler : operator;
        long sent = System.nanoTime();
        var s = stats(READS[kind]);
        try {
            var response = http.send(get(path, user), HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (response.statusCode() == 200) {
                s.ok(end, end - sent);
            } else {
                s.failed(end, response.statusCode(), response.body());
            }
        } catch (Exception e) {
            s.failed(System.nanoTime(), e);
        }
    }

    // ------------------------------------------------------------------ the loop

    /** Which queue and action come next for a case in this state; null when it has left the loop. */
    static Step next(CaseState c) {
        var r = ThreadLocalRandom.current();
        return switch (c.status()) {
            case "REPORTED" -> new Step("operator", "accept", "");
            case "PENDING_FILING" -> new Step("shiftlead", "file", ",\"urgent\":false");
            case "PENDING_DISPATCH" -> new Step("dispatcher", "dispatch",
                    ",\"departmentCode\":\"" + DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())) + "\"");
            case "DISPATCHED" -> new Step("h-" + c.department(), "receive", "");
            case "IN_PROGRESS" -> new Step("h-" + c.department(), "feedback",
                    ",\"note\":\"已处置（压测）\",\"reason\":\"压测：不带照片\"");
            case "PENDING_CHECK" -> c.checker() == null
                    ? new Step("operator", "send-check",
                            ",\"supervisor\":\"supervisor" + (1 + r.nextInt(SUPERVISORS)) + "\"")
                    : new Step(c.checker(), "check", ",\"passed\":true");
            case "PENDING_CLOSE" -> new Step("shiftlead", "close", "");
            default -> null;
        };
    }

    private void handOn(CaseState c) {
        if ("CLOSED".equals(c.status())) {
            if (inWindow(System.nanoTime())) {
                closed.incrementAndGet();
            }
            return;
        }
        var step = next(c);
        if (step == null || !staffed.contains(step.queue())) {
            leftTheLoop.incrementAndGet();
            return;
        }
        queue(step.queue()).add(c);
    }

    private void work(String queue, User user) {
        var q = queue(queue);
        while (running) {
            CaseState c;
            try {
                c = q.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (c == null) {
                continue;
            }
            long start = System.nanoTime();
            if (inWindow(start)) {
                waits.computeIfAbsent(group(queue), k -> new Stats()).ok(start, start - c.queuedAt());
            }
            act(c, next(c), user);
        }
    }

    private void act(CaseState c, Step step, User user) {
        var s = stats(step.action());
        var body = "{\"version\":" + c.version() + step.fields() + "}";
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + c.id() + "/actions/"
                        + step.action())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", user.cookie()).header(user.csrfHeader(), user.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (response.statusCode() == 200) {
                s.ok(end, end - sent);
                handOn(CaseState.of(response.body()));
            } else if (response.statusCode() == 409) {
                s.conflict(end);
                reread(c, user);
            } else {
                s.failed(end, response.statusCode(), response.body());
                leftTheLoop.incrementAndGet();
            }
        } catch (Exception e) {
            s.failed(System.nanoTime(), e);
            leftTheLoop.incrementAndGet();
        }
    }

    private void reread(CaseState c, User user) {
        var s = stats("re-read after 409");
        long sent = System.nanoTime();
        try {
            var response = http.send(get("/api/v1/cases/" + c.id(), user), HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (response.statusCode() == 200) {
                s.ok(end, end - sent);
                handOn(CaseState.of(response.body()));
            } else {
                s.failed(end, response.statusCode(), response.body());
                leftTheLoop.incrementAndGet();
            }
        } catch (Exception e) {
            s.failed(System.nanoTime(), e);
            leftTheLoop.incrementAndGet();
        }
    }

    private HttpRequest get(String path, User user) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Cookie", user.cookie()).GET().build();
    }

    private BlockingQueue<CaseState> queue(String name) {
        return queues.computeIfAbsent(name, k -> new LinkedBlockingQueue<>());
    }

    private static String group(String queue) {
        return queue.startsWith("h-") ? "handlers" : queue.startsWith("supervisor") ? "supervisors" : queue;
    }

    private void remember(long id) {
        recent.set((int) (recentIndex.getAndIncrement() % recent.length()), id);
    }

    private boolean inWindow(long t) {
        return t >= measureFrom && t < measureTo;
    }

    private Stats stats(String op) {
        return stats.computeIfAbsent(op, k -> new Stats());
    }

    // ------------------------------------------------------------------ results

    /** Latencies (µs) and outcomes of one operation, counted only inside the measured window. */
    final class Stats {
        final ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        final AtomicLong conflicts = new AtomicLong();
        final Map<String, Long> errors = new ConcurrentHashMap<>();

        void ok(long at, long nanos) {
            if (inWindow(at)) {
                latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(0, nanos / 1000)));
            }
        }

        void conflict(long at) {
            if (inWindow(at)) {
                conflicts.incrementAndGet();
            }
        }

        void failed(long at, int status, String body) {
            if (inWindow(at) && errors.merge("HTTP " + status, 1L, Long::sum) == 1) {
                System.out.println("first HTTP " + status + ": " + body.substring(0, Math.min(240, body.length())));
            }
        }

        void failed(long at, Exception e) {
            if (inWindow(at)) {
                errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            }
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final List<String> WRITES = List.of("report", "accept", "file", "dispatch", "receive",
            "feedback", "send-check", "check", "close");

    private void print(double rate, double reads, int seconds, int warmup, int workers, int handlers) {
        System.out.printf(Locale.ROOT, "%nmixed workflow: reports %.0f/s, reads %.0f/s, %d s measured after %d s "
                + "warm-up, %d sessions per role queue, %d per department; %s%n", rate, reads, seconds, warmup,
                workers, handlers, base);
        System.out.println("| operation | ok | ok/s | 409 | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var order = new ArrayList<>(WRITES);
        order.add("re-read after 409");
        order.addAll(List.of(READS));
        long writes = 0;
        long errors = 0;
        long conflicts = 0;
        var errorsByCause = new TreeMap<String, Long>();
        for (var op : order) {
            var s = stats.get(op);
            if (s == null) {
                continue;
            }
            var h = s.latency;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", op,
                    h.getTotalCount(), h.getTotalCount() / (double) seconds, s.conflicts.get(), s.errorCount(),
                    ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0);
            if (WRITES.contains(op)) {
                writes += h.getTotalCount();
            }
            errors += s.errorCount();
            conflicts += s.conflicts.get();
            s.errors.forEach((k, v) -> errorsByCause.merge(op + " " + k, v, Long::sum));
        }
        System.out.printf(Locale.ROOT, "%ntransitions (report + the eight actions, answered 2xx): %d = %.1f/s; "
                        + "cases closed %d = %.1f/s; 409 conflicts %d; errors %d %s; cases that left the loop %d%n",
                writes, writes / (double) seconds, closed.get(), closed.get() / (double) seconds, conflicts, errors,
                errorsByCause, leftTheLoop.get());
        var backlog = new TreeMap<String, Integer>();
        queues.forEach((k, v) -> backlog.merge(group(k), v.size(), Integer::sum));
        System.out.println("backlog at the end (cases waiting per queue): " + backlog);
        var waiting = new StringBuilder("time a case waited in a queue, p50/p99 ms:");
        new TreeMap<>(waits).forEach((k, s) -> waiting.append(String.format(Locale.ROOT, " %s %.0f/%.0f;", k,
                ms(s.latency, 50), ms(s.latency, 99))));
        System.out.println(waiting);
    }

    private static double ms(ConcurrentHistogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
