package org.citygrid.assets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.citygrid.assets.internal.ComponentFilter;
import org.citygrid.assets.internal.ComponentState;
import org.citygrid.assets.internal.ImportRejected;
import org.citygrid.assets.internal.Inventory;
import org.citygrid.geo.Crs;
import org.citygrid.geo.Locator;
import org.citygrid.platform.web.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The inventory's persistence rules on the demo district (Dongcheng, 110101), run on H2 and on PostgreSQL by the two
 * subclasses. The database is shared with other tests (and on PostgreSQL with the whole run), so every test uses its
 * own serial numbers and its own corner of the district.
 */
@SpringBootTest
@ActiveProfiles("demo")
abstract class InventoryContract {

    static final String HEADER = "id,classCode,name,description,state,lon,lat,geometry,ownerDepartmentCode,"
            + "maintainerDepartmentCode\n";

    @Autowired
    Inventory inventory;
    @Autowired
    ComponentDirectory directory;
    @Autowired
    Locator locator;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV row of a water-supply manhole cover (class 01001) owned by the water company. */
    static String cover(int serial, double lon, double lat) {
        return "1101010100190%04d,01001,,,INTACT,%s,%s,,water,water\n".formatted(serial, lon, lat);
    }

    @Test
    void theDirectoryIsTheInventory() {
        assertThat(directory).isSameAs(inventory);
    }

    @Test
    void importedComponentsAreFoundWithTheirGridAndOwner() {
        var result = inventory.importCsv(bytes(HEADER + cover(1, 116.4101, 39.9201)), Crs.WGS84);

        assertThat(result.imported()).isEqualTo(1);
        var found = directory.find("11010101001900001").orElseThrow();
        assertThat(found.classCode()).isEqualTo("01001");
        assertThat(found.name()).isEqualTo("供水井盖");
        assertThat(found.state()).isEqualTo("INTACT");
        assertThat(found.gridCode()).isEqualTo(locator.locate(116.4101, 39.9201).orElseThrow().gridCode());
        assertThat(found.ownerDepartmentCode()).isEqualTo("water");
        assertThat(directory.find("11010101001999999")).isEmpty();
        assertThat(directory.find("not an id")).isEmpty();
    }

    @Test
    void aFileWithOneBadLineWritesNothing() {
        var file = HEADER + cover(11, 116.4102, 39.9202) + cover(12, 116.4103, 39.9203)
                + "1101010100190013,01001,,,INTACT,116.41,39.92,,water,\n";

        assertThatThrownBy(() -> inventory.importCsv(bytes(file), Crs.WGS84))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(4)));
        assertThat(directory.find("11010101001900011")).isEmpty();
        assertThat(directory.find("11010101001900012")).isEmpty();
    }

    @Test
    void reimportingAnIdentifierReplacesTheComponentAndRaisesItsVersion() {
        inventory.importCsv(bytes(HEADER + cover(21, 116.4104, 39.9204)), Crs.WGS84);
        var before = inventory.get("11010101001900021");

        var result = inventory.importCsv(bytes(HEADER
                + "11010101001900021,01001,东四北大街 1 号井盖,,DAMAGED,116.4105,39.9205,,drainage,\n"), Crs.WGS84);

        var after = inventory.get("11010101001900021");
        assertThat(result.imported()).isZero();
        assertThat(result.updated()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.name()).isEqualTo("东四北大街 1 号井盖");
        assertThat(after.state()).isEqualTo(ComponentState.DAMAGED);
        assertThat(after.ownerDepartmentCode()).isEqualTo("drainage");
        assertThat(after.maintainerDepartmentCode()).isNull();
    }

    @Test
    void nearestListsComponentsWithinTheRadiusNearestFirst() {
        double lon = 116.4300;
        double lat = 39.9000;
        double metre = 1 / 111_195.0; // degrees of latitude per metre on the mean sphere
        inventory.importCsv(bytes(HEADER + cover(31, lon, lat + 12 * metre) + cover(32, lon, lat + 3 * metre)
                + cover(33, lon, lat - 7 * metre) + cover(34, lon, lat + 40 * metre)), Crs.WGS84);

        var near = directory.nearest(lon, lat, 20, 10).stream().map(ComponentSummary::id)
                .filter(id -> id.startsWith("110101010019000")).toList();

        assertThat(near).containsExactly("11010101001900032", "11010101001900033", "11010101001900031");
        assertThat(directory.nearest(lon, lat, 20, 1)).extracting(ComponentSummary::id)
                .containsExactly("11010101001900032");
        assertThat(Inventory.distanceMeters(lon, lat, lon, lat + 12 * metre)).isCloseTo(12, within(0.01));
    }

    @Test
    void aStateChangeNeedsTheCurrentVersion() {
        inventory.importCsv(bytes(HEADER + cover(41, 116.4106, 39.9206)), Crs.WGS84);
        var c = inventory.get("11010101001900041");

        var changed = inventory.changeState(c.id(), ComponentState.MISSING, c.version());

        assertThat(changed.state()).isEqualTo(ComponentState.MISSING);
        assertThat(changed.version()).isEqualTo(c.version() + 1);
        assertThatThrownBy(() -> inventory.changeState(c.id(), ComponentState.INTACT, c.version()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(inventory.get(c.id()).state()).isEqualTo(ComponentState.MISSING);
    }

    @Test
    void listsFilterByClassStateGridAndWindow() {
        inventory.importCsv(bytes(HEADER + cover(51, 116.4201, 39.9301) + cover(52, 116.4202, 39.9302)
                + "11010104002900053,04002,,,DAMAGED,116.4203,39.9303,,greening,greening\n"), Crs.WGS84);
        var window = new ComponentFilter.BBox(116.4200, 39.9300, 116.4204, 39.9304);

        var all = inventory.list(new ComponentFilter(null, null, null, window), Paging.of(0, 500));
        var trees = inventory.list(new ComponentFilter("04002", ComponentState.DAMAGED, null, window),
                Paging.of(0, 500));
        var grid = inventory.get("11010101001900051").gridCode();
        var inGrid = inventory.list(new ComponentFilter("01001", null, grid, null), Paging.of(0, 500));

        assertThat(all.items()).extracting(c -> c.id()).contains("11010101001900051", "11010101001900052",
                "11010104002900053");
        assertThat(trees.items()).extracting(c -> c.id()).containsExactly("11010104002900053");
        assertThat(inGrid.items()).extracting(c -> c.id()).contains("11010101001900051")
                .allSatisfy(id -> assertThat(id).startsWith("11010101001"));
        assertThat(all.total()).isEqualTo(all.items().size());
    }

    @Test
    void clustersCountEveryComponentOfTheWindowOnce() {
        var window = new ComponentFilter.BBox(116.30, 39.80, 116.50, 40.00);
        var listed = inventory.list(new ComponentFilter(null, null, null, window), Paging.of(0, 1)).total();

        var clusters = inventory.clusters(new ComponentFilter(null, null, null, window), 0.01);

        assertThat(clusters).isNotEmpty();
        assertThat(clusters.stream().mapToLong(c -> c.count()).sum()).isEqualTo(listed);
        assertThat(clusters).allSatisfy(c -> assertThat(c.lon()).isBetween(116.30, 116.50));
    }

    @Test
    void anExportedFileImportsUnchanged() throws Exception {
        inventory.importCsv(bytes(HEADER + cover(61, 116.4001, 39.9101)
                + "11010104002900062,04002,\"国槐, \"\"老\"\"\",合成,OCCUPIED,,,\"LINESTRING (116.4002 39.9102, "
                + "116.4004 39.9102)\",greening,greening\n"), Crs.WGS84);
        var filter = new ComponentFilter(null, null, null, new ComponentFilter.BBox(116.4000, 39.9100, 116.4005,
                39.9105));
        var before = inventory.list(filter, Paging.of(0, 500)).items();
        var csv = new ByteArrayOutputStream();
        inventory.exportCsv(filter, csv);
        var geojson = new ByteArrayOutputStream();
        inventory.exportGeoJson(filter, geojson);

        var fromCsv = inventory.importCsv(csv.toByteArray(), Crs.WGS84);
        var fromGeoJson = inventory.importGeoJson(geojson.toByteArray(), Crs.WGS84);

        assertThat(fromCsv.updated()).isEqualTo(before.size());
        assertThat(fromGeoJson.updated()).isEqualTo(before.size());
        assertThat(fromCsv.imported() + fromGeoJson.imported()).isZero();
        var after = inventory.list(filter, Paging.of(0, 500)).items();
        assertThat(after).extracting(c -> List.of(c.id(), c.name(), c.state(), c.lon(), c.lat(), String.valueOf(
                        c.shape()), String.valueOf(c.ownerDepartmentCode()), c.gridCode()))
                .isEqualTo(before.stream().map(c -> List.of(c.id(), c.name(), c.state(), c.lon(), c.lat(),
                        String.valueOf(c.shape()), String.valueOf(c.ownerDepartmentCode()), c.gridCode())).toList());
        assertThat(inventory.get("11010104002900062").name()).isEqualTo("国槐, \"老\"");
    }

    @Test
    void theDemoInventoryIsSyntheticAndLooksLikeACensus() {
        var demo = inventory.list(ComponentFilter.none(), Paging.of(0, 500)).items().stream()
                .filter(c -> c.synthetic()).toList();

        assertThat(demo).hasSizeGreaterThanOrEqualTo(250);
        assertThat(demo).allSatisfy(c -> {
            assertThat(c.id()).startsWith("110101");
            assertThat(c.gridCode()).startsWith("110101");
            assertThat(c.ownerDepartmentCode()).isNotNull();
        });
        assertThat(demo.stream().filter(c -> c.state() == ComponentState.INTACT).count())
                .isGreaterThan(demo.size() * 8L / 10);
        assertThat(demo.stream().filter(c -> c.classCode().equals("01037"))).allSatisfy(c ->
                assertThat(c.ownerDepartmentCode()).isEqualTo("lighting"));
        assertThat(demo.stream().filter(c -> c.classCode().startsWith("01") && c.name().endsWith("井盖")).count())
                .isGreaterThan(demo.size() / 4);
    }
}
