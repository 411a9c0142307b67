package org.citygrid.dashboard.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.platform.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Dashboards on several nodes of one database. A node learns of its own case changes from its events (the cache and the
 * feed listen to them); changes committed by another node raise no event here. So every {@code interval} each node
 * (1) if it committed case changes since its last tick, bumps its own row of {@code dashboard_change} with their
 * reasons, and (2) reads the other nodes' rows: a row whose count moved since the last read (or a node that appeared)
 * means changes elsewhere — the shared figures are forgotten at once and the live streams are told, with the other
 * node's reasons, through the usual debounce. One small write per busy second and one read of a few rows per second
 * per node; no broker, the same on H2 and PostgreSQL. Off with {@code citygrid.dashboard.peers.enabled=false}.
 * <p>
 * A node that stops between its commit and its next tick leaves that change untold: the other nodes' figures then
 * catch up through {@code citygrid.dashboard.max-age}, as before.
 */
@Component
@ConditionalOnBooleanProperty(name = "citygrid.dashboard.peers.enabled", matchIfMissing = true)
public class DashboardPeers {

    private static final Logger log = LoggerFactory.getLogger(DashboardPeers.class);

    private final ChangeMarkers markers;
    private final DashboardCache cache;
    private final DashboardFeed feed;
    private final PeerSettings settings;
    private final Clock clock;
    private final String node;
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> seen = new HashMap<>();
    private long written;
    private boolean baseline;
    private boolean failing;

    DashboardPeers(ChangeMarkers markers, DashboardCache cache, DashboardFeed feed, PeerSettings settings,
                   Clock clock) {
        this.markers = markers;
        this.cache = cache;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
        this.node = settings.node().isBlank() ? defaultNode() : settings.node();
    }

    /** This node's name in {@code dashboard_change}. */
    public String node() {
        return node;
    }

    /**
     * Forgets old rows, then takes the first read (the baseline) at once, not a tick later: a change another node made
     * in this node's first second would otherwise be swallowed by the baseline and reach no stream here (it made
     * {@code TwoNodesOnPostgresTests} fail once in CI).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            markers.forgetOlderThan(clock.instant().minus(settings.forgetAfter()));
        } catch (DataAccessException e) {
            log.warn("Dashboard change markers: old rows not forgotten: {}", e.getMessage());
        }
        tick();
    }

    @EventListener
    void on(CaseReported e) {
        noteAfterCommit("reported");
    }

    @EventListener
    void on(CaseTransitioned e) {
        noteAfterCommit("transitioned");
    }

    @EventListener
    void on(StageClockTurned e) {
        noteAfterCommit("light");
    }

    @EventListener
    void on(CasesImported e) {
        noteAfterCommit("imported");
    }

    /** Writes this node's marker if it changed something, then reads the others'. One thread at a time. */
    @Scheduled(fixedDelayString = "${citygrid.dashboard.peers.interval:PT1S}",
            initialDelayString = "${citygrid.dashboard.peers.interval:PT1S}")
    public synchronized void tick() {
        var mine = drain();
        try {
            if (!mine.isEmpty()) {
                markers.write(node, written + 1, List.copyOf(mine), clock.instant());
                written++;
            }
            boolean firstRead = !baseline;
            var elsewhere = readOthers();
            if (firstRead && !seen.isEmpty()) {
                // figures cached before this node's first read may miss what other nodes changed before it: the
                // first read only sets the baseline, so forget them once (no stream message: nothing new to tell)
                cache.invalidate();
            }
            if (!elsewhere.isEmpty()) {
                cache.invalidate();
                elsewhere.forEach(feed::changed);
            }
            failing = false;
        } catch (DataAccessException e) {
            unsent.addAll(mine);
            if (!failing) {
                log.warn("Dashboard change markers unavailable (will retry every tick): {}", e.getMessage());
                failing = true;
            }
        }
    }

    /** The reasons of the other nodes' markers that moved since the last read; none on the first read. */
    private Set<String> readOthers() {
        var reasons = new TreeSet<String>();
        for (var m : markers.all()) {
            if (m.node().equals(node)) {
                continue;
            }
            var before = seen.put(m.node(), m.seq());
            if (baseline && (before == null || m.seq() > before)) {
                m.reasons().stream().filter(r -> !r.isBlank()).forEach(reasons::add);
                if (m.reasons().stream().allMatch(String::isBlank)) {
                    reasons.add("elsewhere");
                }
            }
        }
        baseline = true;
        return reasons;
    }

    private Set<String> drain() {
        var what = new TreeSet<String>();
        for (var r : unsent) {
            unsent.remove(r);
            what.add(r);
        }
        return what;
    }

    private void noteAfterCommit(String reason) {
        AfterCommit.run(() -> unsent.add(reason));
    }

    private static String defaultNode() {
        var name = ManagementFactory.getRuntimeMXBean().getName();
        return name.substring(0, Math.min(name.length(), 90)) + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
