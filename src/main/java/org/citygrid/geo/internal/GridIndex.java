package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.geo.SupervisionGridsChanged;
import org.citygrid.geo.UnitGridsChanged;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-memory point → grid index ({@link GridRaster}: a flat bucket raster over the grids' envelopes, an envelope test
 * for grids that are plain rectangles and JTS's indexed point-in-area locator for the others, so a lookup allocates no
 * geometry). Built from the database when it is first used after start or after a committed change of unit grids
 * (several changes in a row, as when the demo geography is built, cost one rebuild), then swapped in atomically;
 * lookups between changes never touch the database. Among the grids covering a point (interior or boundary) the one
 * with the smallest code wins. The supervision grid of a unit grid is that of its community, else that of its street;
 * it is rebuilt when supervision grids change too.
 */
@Component
class GridIndex implements Locator {

    private static final Logger log = LoggerFactory.getLogger(GridIndex.class);

    private final JdbcClient jdbc;
    private volatile GridRaster snapshot = GridRaster.EMPTY;
    /** Set by a committed change; the next lookup rebuilds once, however many changes came before it. */
    private volatile boolean stale = true;
    /**
     * False until the first snapshot exists: a lookup during the first build waits for it instead of answering from
     * the empty snapshot (a later rebuild lets lookups use the previous snapshot meanwhile).
     */
    private volatile boolean built;

    GridIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<GridLocation> locate(double lon, double lat) {
        if (stale || !built) {
            rebuildIfStale();
        }
        return snapshot.locate(lon, lat);
    }

    /** How many grids the index holds. */
    int size() {
        if (stale || !built) {
            rebuildIfStale();
        }
        return snapshot.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuildIfStale();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitGridsChanged event) {
        stale = true;
    }

    /** Another node changed the grids ({@link GeoRevision}): the next lookup rebuilds. */
    void markStale() {
        stale = true;
    }

    /** Whether the next lookup rebuilds. */
    boolean isStale() {
        return stale;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SupervisionGridsChanged event) {
        stale = true;
    }

    private synchronized void rebuildIfStale() {
        if (stale || !built) {
            rebuild();
        }
    }

    synchronized void rebuild() {
        stale = false;
        var rows = jdbc.sql("SELECT code, community_code, street_code, district_code, geometry FROM geo_unit_grid "
                + "ORDER BY code").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)}).list();
        var supervision = new HashMap<String, String[]>();
        jdbc.sql("SELECT m.division_code, g.code, g.supervisor FROM geo_supervision_grid_member m "
                + "JOIN geo_supervision_grid g ON g.id = m.supervision_grid").query(rs -> {
                    supervision.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        snapshot = build(rows, supervision);
        built = true;
        log.info("Unit grid index rebuilt: {} grids", rows.size());
    }

    /** {@code supervision}: division code → {supervision grid code, supervisor}. */
    private static GridRaster build(List<String[]> rows, Map<String, String[]> supervision) {
        var reader = new WKTReader();
        var grids = new ArrayList<GridRaster.Grid>(rows.size());
        for (var row : rows) {
            try {
                var geometry = reader.read(row[4]);
                var supervisionGrid = row[1] != null && supervision.containsKey(row[1]) ? supervision.get(row[1])
                        : row[2] == null ? null : supervision.get(row[2]);
                grids.add(new GridRaster.Grid(new GridLocation(row[0], row[1], row[2], row[3],
                        supervisionGrid == null ? null : supervisionGrid[0],
                        supervisionGrid == null ? null : supervisionGrid[1]), geometry));
            } catch (ParseException e) {
                throw new IllegalStateException("Unreadable geometry of unit grid " + row[0], e);
            }
        }
        return GridRaster.of(grids);
    }
}
