package org.citygrid.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.citygrid.cases.CaseId;
import org.citygrid.cases.CaseReported;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes' dashboards on one database (an in-memory H2 with the real V121 table), ticks and debounce run by hand: a
 * change committed on one node reaches the other's cache and live stream through the markers, and only there.
 */
class DashboardPeersTests {

    private static final DashboardSettings SETTINGS = new DashboardSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(20), Duration.ofMinutes(30), Duration.ofMinutes(10));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private JdbcClient jdbc;
    private Node a;
    private Node b;

    /** One node's dashboard: cache, feed (its delayed flushes kept for the test to run), peers. */
    private final class Node {
        final List<Runnable> flushes = new ArrayList<>();
        final DashboardCache cache = new DashboardCache(clock, SETTINGS);
        final DashboardFeed feed = new DashboardFeed(SETTINGS, (d, task) -> flushes.add(task));
        final DashboardPeers peers;
        final AtomicInteger computed = new AtomicInteger();

        Node(String name) {
            peers = new DashboardPeers(new ChangeMarkers(jdbc), cache, feed,
                    new PeerSettings(true, Duration.ofSeconds(1), name, Duration.ofDays(7)), clock);
        }

        int summary() {
            return cache.get("summary", computed::incrementAndGet);
        }

        long messagesSent() {
            flushes.forEach(Runnable::run);
            flushes.clear();
            return feed.sequence();
        }
    }

    @BeforeEach
    void twoNodesOnOneDatabase() throws IOException {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:peers-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(ds);
        jdbc.sql(new ClassPathResource("db/migration/V121__dashboard_change_markers.sql")
                .getContentAsString(StandardCharsets.UTF_8)).update();
        a = new Node("node-a");
        b = new Node("node-b");
        a.peers.tick();
        b.peers.tick();
    }

    @Test
    void aReportOnOneNodeInvalidatesTheOtherNodesFiguresAndTellsItsStream() {
        assertThat(b.summary()).isEqualTo(1);
        assertThat(b.summary()).as("cached").isEqualTo(1);

        a.peers.on(new CaseReported(new CaseId(1), "2026112700001", null, null, null, null));
        a.peers.tick();
        assertThat(b.summary()).as("b has not read the markers yet").isEqualTo(1);
        b.peers.tick();

        assertThat(b.summary()).as("recomputed after a's change").isEqualTo(2);
        assertThat(b.flushes).hasSize(1);
        assertThat(b.messagesSent()).isEqualTo(1);
        assertThat(a.flushes).as("a's own change reaches a through its events, not the markers").isEmpty();
        assertThat(jdbc.sql("SELECT reasons FROM dashboard_change WHERE node = 'node-a'").query(String.class).single())
                .isEqualTo("reported");
    }

    @Test
    void aNodeJustStartedTellsItsStreamOfAChangeMadeBeforeItsFirstScheduledTick() {
        a.peers.on(new CaseReported(new CaseId(1), "2026112700001", null, null, null, null));
        a.peers.tick();
        var c = new Node("node-c");
        c.peers.start();

        a.peers.on(new CaseReported(new CaseId(2), "2026112700002", null, null, null, null));
        a.peers.tick();
        c.peers.tick();

        assertThat(c.messagesSent()).as("the change after c started, not the one before").isEqualTo(1);
    }

    @Test
    void nothingChangedMeansNoWriteAndNoMessage() {
        b.summary();
        a.peers.tick();
        b.peers.tick();
        b.peers.tick();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM dashboard_change").query(Long.class).single()).isZero();
        assertThat(b.flushes).isEmpty();
        assertThat(b.summary()).as("still the cached figures").isEqualTo(1);
    }

    @Test
    void eachNewBatchOfChangesIsToldOnceMore() {
        a.peers.on(new CaseReported(new CaseId(1), "2026112700001", null, null, null, null));
        a.peers.tick();
        b.peers.tick();
        b.peers.tick();
        assertThat(b.messagesSent()).isEqualTo(1);

        a.peers.on(new CaseReported(new CaseId(2), "2026112700002", null, null, null, null));
        a.peers.tick();
        b.peers.tick();
        assertThat(b.messagesSent()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT seq FROM dashboard_change WHERE node = 'node-a'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aChangeMadeWhileTheTableIsUnreachableIsWrittenOnceItIsBack() {
        jdbc.sql("ALTER TABLE dashboard_change RENAME TO dashboard_change_away").update();
        a.peers.on(new CaseReported(new CaseId(1), "2026112700001", null, null, null, null));
        a.peers.tick();
        jdbc.sql("ALTER TABLE dashboard_change_away RENAME TO dashboard_change").update();

        a.peers.tick();
        b.peers.tick();

        assertThat(b.messagesSent()).isEqualTo(1);
    }
}
