package org.citygrid.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.citygrid.geo.GridLocation;
import org.citygrid.geo.UnitGridsChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node learns of spatial changes made by another node on the same database ({@link GeoRevision}); run on H2 and
 * PostgreSQL. The scheduled check is set far apart so that only the test's own calls of it run.
 */
@SpringBootTest(properties = "citygrid.geo.refresh=PT1H")
abstract class GeoRevisionContract {

    /** East of the demo district (Dongcheng): no demo grid covers it. */
    private static final double LON = 116.5005;
    private static final double LAT = 39.9005;
    private static final String CODE = "110101999999999";

    @Autowired
    GeoRevision revision;
    @Autowired
    GridIndex grids;
    @Autowired
    GazetteerIndex gazetteer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;

    private long count() {
        return jdbc.sql("SELECT revision FROM geo_revision WHERE id = 1").query(Long.class).single();
    }

    /** What another node's grid import does: its rows and the count in one transaction, and no event here. */
    private void elsewhere(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql(sql).update();
            jdbc.sql("UPDATE geo_revision SET revision = revision + 1 WHERE id = 1").update();
        });
    }

    @Test
    void aCommittedChangeCountsUpAndARolledBackOneDoesNot() {
        long before = count();
        tx.executeWithoutResult(s -> events.publishEvent(new UnitGridsChanged("110101", 0)));
        assertThat(count()).isEqualTo(before + 1);

        tx.executeWithoutResult(s -> {
            events.publishEvent(new UnitGridsChanged("110101", 0));
            s.setRollbackOnly();
        });
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aGridAddedOrRemovedByAnotherNodeIsSeenAfterTheNextCheck() {
        revision.check();
        assertThat(grids.locate(LON, LAT)).isEmpty();

        elsewhere("INSERT INTO geo_unit_grid (code, district_code, geometry, min_lon, min_lat, max_lon, max_lat, "
                + "area_m2) VALUES ('" + CODE + "', '110101', 'POLYGON ((116.5 39.9, 116.501 39.9, 116.501 39.901, "
                + "116.5 39.901, 116.5 39.9))', 116.5, 39.9, 116.501, 39.901, 9500)");
        assertThat(grids.locate(LON, LAT)).as("not known before the check").isEmpty();
        revision.check();
        assertThat(grids.locate(LON, LAT)).map(GridLocation::gridCode).contains(CODE);

        elsewhere("DELETE FROM geo_unit_grid WHERE code = '" + CODE + "'");
        assertThat(grids.locate(LON, LAT)).isPresent();
        revision.check();
        assertThat(grids.locate(LON, LAT)).isEmpty();
    }

    @Test
    void aChangeAnotherNodeMakesBeforeThisNodesFirstCheckIsSeenByThatCheck() {
        grids.locate(LON, LAT);
        var starting = new GeoRevision(jdbc, grids, gazetteer);  // as a node starts: its baseline is read
        elsewhere("UPDATE geo_unit_grid SET name = name WHERE code = '" + CODE + "'");
        assertThat(grids.isStale()).isFalse();

        starting.check();
        assertThat(grids.isStale()).as("the change after the baseline").isTrue();
    }

    @Test
    void aChangeMadeOnThisNodeIsNotRebuiltASecondTime() {
        revision.check();
        tx.executeWithoutResult(s -> events.publishEvent(new UnitGridsChanged("110101", 0)));
        assertThat(grids.isStale()).as("this node's own listener").isTrue();
        grids.locate(LON, LAT);
        assertThat(grids.isStale()).isFalse();

        revision.check();
        assertThat(grids.isStale()).as("the count moved by this node's change only").isFalse();
    }
}
