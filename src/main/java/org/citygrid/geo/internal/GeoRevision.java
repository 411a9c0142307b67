package org.citygrid.geo.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.citygrid.geo.DivisionsChanged;
import org.citygrid.geo.SupervisionGridsChanged;
import org.citygrid.geo.UnitGridsChanged;
import org.citygrid.platform.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory grid index and gazetteer of every node in step with the spatial base they share. A change of
 * divisions, unit grids, supervision grids or address points counts up the one row of {@code geo_revision} in the
 * changing transaction; every {@code citygrid.geo.refresh} (30 s) each node reads the count and, if it moved by more
 * than this node's own changes, marks both indexes stale: the next lookup rebuilds them, as after a change made here.
 * Without it a grid import on node A stayed unknown to node B until B restarted, and B placed new reports in the old
 * grids (docs/PERFORMANCE-TWO-NODES.md).
 */
@Component
class GeoRevision {

    private static final Logger log = LoggerFactory.getLogger(GeoRevision.class);

    private final JdbcClient jdbc;
    private final GridIndex grids;
    private final GazetteerIndex gazetteer;
    /** The count as last read; -1 if the read at start failed. */
    private volatile long seen = -1;
    /** Changes made on this node and committed since the last read: they need no rebuild from here. */
    private final AtomicLong ownChanges = new AtomicLong();

    GeoRevision(JdbcClient jdbc, GridIndex grids, GazetteerIndex gazetteer) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.gazetteer = gazetteer;
        // The baseline is read now, before anything on this node can build an index (the indexes are built on first
        // use, at the earliest once start-up runs): a change another node makes after this read moves the count past
        // it. Read at the first check instead, such a change in a node's first half minute would be swallowed.
        try {
            seen = revision();
        } catch (DataAccessException e) {
            log.warn("Spatial base: revision not read at start, the first check takes it: {}", e.getMessage());
        }
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM geo_revision WHERE id = 1").query(Long.class).single();
    }

    // Plain listeners: they run in the publishing transaction, so the count moves with the change or not at all.
    @EventListener
    void on(UnitGridsChanged e) {
        count();
    }

    @EventListener
    void on(SupervisionGridsChanged e) {
        count();
    }

    @EventListener
    void on(DivisionsChanged e) {
        count();
    }

    @EventListener
    void on(AddressPoints.Changed e) {
        count();
    }

    private void count() {
        jdbc.sql("UPDATE geo_revision SET revision = revision + 1 WHERE id = 1").update();
        AfterCommit.run(ownChanges::incrementAndGet);
    }

    /** Marks the indexes stale if another node changed the spatial base since the last check. */
    @Scheduled(fixedDelayString = "${citygrid.geo.refresh:PT30S}", initialDelayString = "${citygrid.geo.refresh:PT30S}")
    void check() {
        try {
            long own = ownChanges.getAndSet(0);
            long revision = revision();
            long before = seen;
            seen = revision;
            // a change here that committed between the two reads above makes the sum differ: a spare rebuild, not a
            // missed one
            if (before >= 0 && revision != before + own) {
                log.info("Spatial base changed on another node (revision {} → {}): grid index and gazetteer rebuild "
                        + "on next use", before, revision);
                grids.markStale();
                gazetteer.markStale();
            }
        } catch (DataAccessException e) {
            log.warn("Spatial base: could not check for changes made by other nodes: {}", e.getMessage());
        }
    }
}
