package org.citygrid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citygrid.cases.CaseReported;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.cases.internal.sla.SlaMonitor;
import org.citygrid.support.AppNode;
import org.citygrid.support.AppNode.Answer;
import org.citygrid.support.AppNode.Session;
import org.citygrid.support.MutableClock;
import org.citygrid.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL (issue 7, short form): both started in this JVM on ports of their own, the
 * same database (schema {@code two_nodes}, emptied first, so every count below is exact), demo organisation and
 * geography but no demo history or inventory, five connections each, one clock shared by both (moved by the test).
 * Over real HTTP: node B's dashboard follows a report made on node A; reports spread over both nodes get unique
 * numbers and are stored once; conflicting transitions of the same cases on both nodes let exactly one win; the SLA
 * monitors of both nodes, run at the same moment, signal every clock and light once. docs/PERFORMANCE-TWO-NODES.md.
 */
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnPostgresTests {

    static final String SCHEMA = "two_nodes";
    static final String PASSWORD = "Demo@2026";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Monday, a working day, far enough before the end of the calendar's years for the 20 days the test moves. */
    static final MutableClock CLOCK = new MutableClock(LocalDateTime.of(2026, 11, 23, 9, 0).atZone(ZONE).toInstant(),
            ZONE);

    /** How long node B may take to follow node A: far below the ten-minute cache age the nodes run with. */
    static final Duration BOUND = Duration.ofSeconds(20);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private AppNode a;
    private AppNode b;
    private JdbcClient db;

    @BeforeAll
    void twoNodesOnOneDatabase() throws SQLException {
        var url = PostgresTestDatabase.url();
        try (var c = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
             var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        var args = List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN",
                "--citygrid.demo.history.count=0",
                "--citygrid.demo.routing=false",
                "--citygrid.assets.demo-count=0",
                // the test runs the monitors itself, on both nodes at once
                "--citygrid.cases.sla.enabled=false",
                // far longer than the test: node B may learn of node A's changes only through the change markers
                "--citygrid.dashboard.max-age=PT10M",
                "--citygrid.portal.form-secret=two-nodes-test",
                "--citygrid.storage.directory=target/test-files/two-nodes");
        var profiles = List.of("postgres", "demo");
        // one after the other: the first seeds the demo organisation and geography, the second finds them
        long t0 = System.nanoTime();
        a = AppNode.start("A", CLOCK, profiles, args, http);
        long t1 = System.nanoTime();
        b = AppNode.start("B", CLOCK, profiles, args, http);
        System.out.printf("two nodes: A started (and seeded the demo) in %d ms, B in %d ms%n",
                AppNode.since(t0).minus(AppNode.since(t1)).toMillis(), AppNode.since(t1).toMillis());
        db = a.bean(JdbcClient.class);
    }

    @AfterAll
    void stopBoth() {
        for (var node : new AppNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
        threads.close();
    }

    @Test
    @Order(1)
    void nodeBsDashboardFollowsAReportMadeOnNodeA() {
        var leaderB = b.as("leader", PASSWORD);
        var stream = new ConcurrentLinkedQueue<String>();
        b.stream(leaderB, "/api/v1/dashboard/stream", stream::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.contains("event:hello"));
        long openBefore = openOn(b, leaderB);
        assertThat(openOn(b, leaderB)).as("B's figures are now cached for ten minutes").isEqualTo(openBefore);

        long t0 = System.nanoTime();
        assertThat(report(a, a.as("supervisor1", PASSWORD), "两节点看板").status()).isEqualTo(201);

        // bounded well below the ten-minute cache age: only the change markers can tell B (about two peer intervals)
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(openOn(b, leaderB)).isEqualTo(openBefore + 1));
        var figures = AppNode.since(t0);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> stream.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"reported\"")));
        var message = AppNode.since(t0);
        assertThat(b.events(CaseReported.class)).as("B itself saw no report").isEmpty();
        System.out.printf("two nodes: B's summary counted A's report after %d ms, B's stream told after %d ms%n",
                figures.toMillis(), message.toMillis());
    }

    @Test
    @Order(2)
    void reportsSpreadOverBothNodesGetUniqueNumbersAndAreStoredOnce() throws Exception {
        int count = 200;
        var nodes = List.of(a, b);
        var tasks = new ArrayList<Callable<Answer>>();
        for (int i = 0; i < count; i++) {
            var node = nodes.get(i % 2);
            var session = node.as("supervisor" + (1 + (i / 2) % 2), PASSWORD);
            var description = "两节点上报 #" + i;
            tasks.add(() -> report(node, session, description));
        }
        long reportedOnA = a.events(CaseReported.class).size();
        long reportedOnB = b.events(CaseReported.class).size();
        long t0 = System.nanoTime();
        var answers = runAll(tasks, 8);
        var took = AppNode.since(t0);

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        var numbers = answers.stream().map(r -> r.json().get("caseNo").asString()).toList();
        assertThat(new HashSet<>(numbers)).hasSize(count);
        var stored = db.sql("SELECT description, COUNT(*) AS n FROM case_file WHERE description LIKE '两节点上报 #%'"
                + " GROUP BY description").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        assertThat(stored).hasSize(count).allSatisfy(e -> assertThat(e.getValue()).isOne());
        assertThat(db.sql("SELECT COUNT(DISTINCT case_no) FROM case_file").query(Long.class).single())
                .isEqualTo(db.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single());
        assertThat(a.events(CaseReported.class).size() - reportedOnA).as("handled by A").isEqualTo(count / 2);
        assertThat(b.events(CaseReported.class).size() - reportedOnB).as("handled by B").isEqualTo(count / 2);
        System.out.printf("two nodes: %d reports over both nodes, 8 clients, in %d ms%n", count, took.toMillis());
    }

    @Test
    @Order(3)
    void conflictingTransitionsOnBothNodesLetExactlyOneWin() throws Exception {
        int count = 30;
        var supervisor = a.as("supervisor1", PASSWORD);
        var cases = new ArrayList<Answer>();
        for (int i = 0; i < count; i++) {
            cases.add(report(a, supervisor, "两节点冲突 #" + i));
        }
        var operatorA = a.as("operator1", PASSWORD);
        var operatorB = b.as("operator1", PASSWORD);
        var shiftLeadB = b.as("shiftlead1", PASSWORD);

        var pairs = new ArrayList<Future<List<Answer>>>();
        for (int i = 0; i < count; i++) {
            var c = cases.get(i).json();
            long id = c.get("id").asLong();
            int version = c.get("version").asInt();
            // accept on A against accept (even) or reject (odd) on B, released at the same instant
            boolean reject = i % 2 == 1;
            var barrier = new CyclicBarrier(2);
            var onA = threads.submit(() -> {
                barrier.await();
                return a.post(operatorA, "/api/v1/cases/" + id + "/actions/accept", Map.of("version", version));
            });
            var onB = threads.submit(() -> {
                barrier.await();
                return reject
                        ? b.post(shiftLeadB, "/api/v1/cases/" + id + "/actions/reject",
                        Map.of("version", version, "reason", "两节点并发驳回"))
                        : b.post(operatorB, "/api/v1/cases/" + id + "/actions/accept", Map.of("version", version));
            });
            pairs.add(threads.submit(() -> List.of(onA.get(), onB.get())));
        }

        int bWon = 0;
        for (int i = 0; i < count; i++) {
            var before = cases.get(i).json();
            long id = before.get("id").asLong();
            var both = pairs.get(i).get();
            assertThat(both).extracting(Answer::status).as("case %d: one wins, the other is told 409", id)
                    .containsExactlyInAnyOrder(200, 409);
            var loser = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("status").asInt()).as("a problem document").isEqualTo(409);
            bWon += both.get(1).status() == 200 ? 1 : 0;
            for (var node : List.of(a, b)) {
                var now = node.get(node.as("operator1", PASSWORD), "/api/v1/cases/" + id).json();
                assertThat(now.get("version").asInt()).as("version advanced once")
                        .isEqualTo(before.get("version").asInt() + 1);
                var decisions = new ArrayList<String>();
                now.get("timeline").forEach(t -> {
                    if (List.of("accept", "reject").contains(t.get("action").asString())) {
                        decisions.add(t.get("action").asString());
                    }
                });
                assertThat(decisions).as("one decision on the timeline of case %d", id).hasSize(1);
            }
        }
        assertThat(db.sql("SELECT COUNT(*) FROM (SELECT case_id FROM case_timeline WHERE action IN ('ACCEPT','REJECT')"
                + " GROUP BY case_id HAVING COUNT(*) > 1) x").query(Long.class).single()).isZero();
        System.out.printf("two nodes: %d conflicting pairs, A won %d, B won %d%n", count, count - bWon, bWon);
    }

    @Test
    @Order(4)
    void theSlaMonitorsOfBothNodesSignalEachClockAndLightOnce() throws Exception {
        handledCases(3);
        var monitors = List.of(a.bean(SlaMonitor.class), b.bean(SlaMonitor.class));
        var turnedBefore = new ArrayList<StageClockTurned>();
        turnedBefore.addAll(a.events(StageClockTurned.class));
        turnedBefore.addAll(b.events(StageClockTurned.class));
        assertThat(turnedBefore).isEmpty();

        for (var step : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(20))) {
            CLOCK.advance(step);
            for (int round = 0; round < 2; round++) {
                var barrier = new CyclicBarrier(monitors.size());
                var passes = monitors.stream().map(m -> threads.submit(() -> {
                    barrier.await();
                    return m.pass();
                })).toList();
                for (var p : passes) {
                    p.get();
                }
            }
        }

        var onA = a.events(StageClockTurned.class);
        var onB = b.events(StageClockTurned.class);
        var all = new ArrayList<>(onA);
        all.addAll(onB);
        Function<StageClockTurned, String> clockAndLight = t -> t.caseId().value() + "/" + t.stage() + "/"
                + t.deadline() + "/" + t.light();
        var perClockAndLight = all.stream().collect(Collectors.groupingBy(clockAndLight, Collectors.counting()));
        assertThat(perClockAndLight).as("signals per clock and light").allSatisfy((k, n) -> assertThat(n).isOne());

        var now = CLOCK.instant().atOffset(java.time.ZoneOffset.UTC);
        long overdueClocks = db.sql("SELECT COUNT(*) FROM case_stage WHERE ended_at IS NULL AND paused_at IS NULL"
                + " AND deadline < :now").param("now", now).query(Long.class).single();
        long redRows = db.sql("SELECT COUNT(*) FROM case_stage_signal WHERE signalled = 2").query(Long.class).single();
        long red = all.stream().filter(t -> t.light().name().equals("RED")).count();
        assertThat(overdueClocks).as("every running clock is past its deadline after 20 days").isPositive();
        assertThat(red).isEqualTo(redRows).isEqualTo(overdueClocks);

        // the listeners of the signals (notifications, urges) have all run once the registry has nothing open
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> db.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);
        assertThat(db.sql("SELECT COUNT(*) FROM notification WHERE kind = 'STAGE_RED'").query(Long.class).single())
                .isPositive();
        assertThat(db.sql("SELECT COUNT(*) FROM (SELECT case_id, username, kind, args FROM notification"
                + " WHERE kind IN ('STAGE_RED', 'STAGE_YELLOW') GROUP BY case_id, username, kind, args"
                + " HAVING COUNT(*) > 1) x").query(Long.class).single()).as("duplicate notifications").isZero();
        var handleRed = all.stream().filter(t -> t.stage() == Stage.HANDLE && t.light().name().equals("RED"))
                .collect(Collectors.groupingBy(t -> t.caseId().value(), Collectors.counting()));
        assertThat(handleRed).as("the handled cases' HANDLE clocks turned red").hasSizeGreaterThanOrEqualTo(3);
        var urges = db.sql("SELECT case_id, COUNT(*) FROM case_timeline WHERE action = 'URGE' GROUP BY case_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(urges).as("one urge per HANDLE clock turned red").isEqualTo(handleRed);
        System.out.printf("two nodes: SLA monitors signalled %d clocks/lights (%d on A, %d on B, %d red), %d urges%n",
                all.size(), onA.size(), onB.size(), red, urges.size());
    }

    /** Cases reported, accepted, filed, dispatched to the water company and received, alternating the nodes. */
    private void handledCases(int count) {
        for (int i = 0; i < count; i++) {
            var c = report(a, a.as("supervisor2", PASSWORD), "两节点处置 #" + i).json();
            long id = c.get("id").asLong();
            var path = "/api/v1/cases/" + id + "/actions/";
            c = ok(b.post(b.as("operator1", PASSWORD), path + "accept", Map.of("version", c.get("version").asInt())));
            c = ok(a.post(a.as("shiftlead1", PASSWORD), path + "file", Map.of("version", c.get("version").asInt())));
            c = ok(b.post(b.as("dispatcher1", PASSWORD), path + "dispatch",
                    Map.of("version", c.get("version").asInt(), "departmentCode", "water")));
            ok(a.post(a.as("h-water", PASSWORD), path + "receive", Map.of("version", c.get("version").asInt())));
        }
    }

    private static tools.jackson.databind.JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Answer report(AppNode node, Session supervisor, String description) {
        return node.post(supervisor, "/api/v1/cases", Map.of("channel", "SUPERVISOR", "kind", "COMPONENT",
                "classCode", "01001", "lon", 116.4039, "lat", 39.9151, "description", description));
    }

    private static long openOn(AppNode node, Session s) {
        var answer = node.get(s, "/api/v1/dashboard/summary");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("open").asLong();
    }

    /** Runs the tasks with at most {@code clients} at a time; the answers in task order. */
    private List<Answer> runAll(List<Callable<Answer>> tasks, int clients) throws Exception {
        var gate = new java.util.concurrent.Semaphore(clients);
        var futures = tasks.stream().map(t -> threads.submit(() -> {
            gate.acquire();
            try {
                return t.call();
            } finally {
                gate.release();
            }
        })).toList();
        var answers = new ArrayList<Answer>();
        for (var f : futures) {
            answers.add(f.get());
        }
        return answers;
    }
}
