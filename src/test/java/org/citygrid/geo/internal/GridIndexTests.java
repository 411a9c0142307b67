package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GridLocation;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The point → grid index gives exactly the brute-force answer: of all grids whose JTS geometry {@code covers} the
 * point, the one with the smallest code; none when no grid covers it. Checked on seeded random points, on every vertex
 * and edge midpoint of the grids (shared vertices and edges, where several grids cover the point), in holes and
 * outside.
 */
class GridIndexTests {

    private static final GeometryFactory FACTORY = GeoJsonGeometry.FACTORY;

    private record Grid(String code, Geometry geometry) {
    }

    /** The reference: every grid's {@code covers}, smallest code wins. */
    private static Optional<String> bruteForce(List<Grid> byCode, double x, double y) {
        var point = FACTORY.createPoint(new Coordinate(x, y));
        return byCode.stream().filter(g -> g.geometry().covers(point)).map(Grid::code).findFirst();
    }

    /** Seeded random points over the window plus a margin, every vertex and every edge midpoint of the grids. */
    private static List<Coordinate> probes(List<Grid> grids, Envelope window, int random, long seed) {
        var rnd = new Random(seed);
        var points = new ArrayList<Coordinate>();
        double mx = window.getWidth() * 0.05;
        double my = window.getHeight() * 0.05;
        for (int i = 0; i < random; i++) {
            points.add(new Coordinate(window.getMinX() - mx + rnd.nextDouble() * (window.getWidth() + 2 * mx),
                    window.getMinY() - my + rnd.nextDouble() * (window.getHeight() + 2 * my)));
        }
        for (var g : grids) {
            var c = g.geometry().getCoordinates();
            for (int i = 0; i < c.length; i++) {
                points.add(c[i].copy());
                if (i + 1 < c.length) {
                    points.add(new Coordinate((c[i].x + c[i + 1].x) / 2, (c[i].y + c[i + 1].y) / 2));
                }
            }
        }
        return points;
    }

    private record Tally(int checked, int shared, int empty) {
    }

    /** Asserts index == brute force on every probe; counts probes covered by several grids and by none. */
    private static Tally compare(java.util.function.BiFunction<Double, Double, Optional<GridLocation>> index,
                                 List<Grid> byCode, List<Coordinate> probes) {
        int shared = 0;
        int empty = 0;
        for (var p : probes) {
            var expected = bruteForce(byCode, p.x, p.y);
            var actual = index.apply(p.x, p.y).map(GridLocation::gridCode);
            assertThat(actual).as("grid at (%s, %s)", p.x, p.y).isEqualTo(expected);
            var point = FACTORY.createPoint(p);
            if (byCode.stream().filter(g -> g.geometry().covers(point)).limit(2).count() > 1) {
                shared++;
            }
            if (expected.isEmpty()) {
                empty++;
            }
        }
        return new Tally(probes.size(), shared, empty);
    }

    private static GridRaster raster(List<Grid> byCode) {
        return GridRaster.of(byCode.stream()
                .map(g -> new GridRaster.Grid(new GridLocation(g.code(), null, null, "990101", null, null), g.geometry()))
                .toList());
    }

    private static final LocalProjection AROUND = LocalProjection.around(101, 30);

    private static Geometry metres(double... xy) {
        var coordinates = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            coordinates[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        coordinates[coordinates.length - 1] = coordinates[0].copy();
        return AROUND.inverse(FACTORY.createPolygon(coordinates));
    }

    /** Three communities (two with slanted edges) over a 1 km × 800 m district with a 230 m square hole. */
    private static List<Grid> generatedWithHole() {
        var hole = metres(-115, -115, 115, -115, 115, 115, -115, 115);
        var parent = metres(-500, -400, 500, -400, 500, 400, -500, 400).difference(hole);
        var areas = List.of(
                new GridGenerator.Area("990101001001", DivisionLevel.COMMUNITY,
                        metres(-500, -400, -163, -400, -163, 400, -500, 400).difference(hole)),
                new GridGenerator.Area("990101001002", DivisionLevel.COMMUNITY,
                        metres(-163, -400, 500, -400, 500, 130, -163, 317).difference(hole)),
                new GridGenerator.Area("990101002001", DivisionLevel.COMMUNITY,
                        metres(-163, 317, 500, 130, 500, 400, -163, 400).difference(hole)));
        return new GridGenerator(parent, 100).generate(areas).stream()
                .map(g -> new Grid(g.code(), g.wgs84())).toList();
    }

    @Test
    void agreesWithBruteForceOnGeneratedGridsWithAHoleSlantedEdgesAndSlivers() {
        var grids = generatedWithHole();
        var raster = raster(grids);
        var window = new Envelope();
        grids.forEach(g -> window.expandToInclude(g.geometry().getEnvelopeInternal()));
        var probes = probes(grids, window, 5_000, 7);
        var centre = AROUND.inverse(FACTORY.createPoint(new Coordinate(0, 0))).getCoordinate();
        probes.add(centre);

        var tally = compare(raster::locate, grids, probes);

        assertThat(grids).anyMatch(g -> g.geometry().isRectangle()).anyMatch(g -> !g.geometry().isRectangle());
        assertThat(raster.size()).isEqualTo(grids.size());
        assertThat(raster.locate(centre.x, centre.y)).isEmpty();
        assertThat(tally.shared()).isGreaterThan(500);
        assertThat(tally.empty()).isGreaterThan(100);
    }

    @Test
    void overlappingGridsAndFarApartClustersStillResolveToTheSmallestCode() {
        var grids = new ArrayList<>(generatedWithHole());
        // a cluster 12° away: the raster's extent becomes huge and its cells are coarsened
        var far = new ArrayList<Grid>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                var square = FACTORY.toGeometry(new Envelope(113 + i * 0.001, 113 + (i + 1) * 0.001, 35 + j * 0.001,
                        35 + (j + 1) * 0.001));
                far.add(new Grid(String.format("990202001%03d", i * 30 + j), square));
            }
        }
        grids.addAll(far);
        // overlapping data: a big rectangle and a triangle over part of the far cluster, with codes before and after
        grids.add(new Grid("990202000999", FACTORY.toGeometry(new Envelope(113.0105, 113.0205, 35.0105, 35.0205))));
        grids.add(new Grid("990202999001", FACTORY.createPolygon(new Coordinate[] {new Coordinate(113.0, 35.0),
                new Coordinate(113.03, 35.0), new Coordinate(113.0, 35.03), new Coordinate(113.0, 35.0)})));
        grids.sort(Comparator.comparing(Grid::code));
        var raster = raster(grids);
        var window = new Envelope(113, 113.03, 35, 35.03);
        var probes = probes(far, window, 3_000, 11);
        probes.addAll(probes(grids.subList(0, 10), new Envelope(100.99, 101.01, 29.99, 30.01), 1_000, 13));
        probes.add(new Coordinate(107, 32));

        var tally = compare(raster::locate, grids, probes);

        assertThat(raster.locate(113.015, 35.015)).get().extracting(GridLocation::gridCode)
                .isEqualTo("990202000999");
        assertThat(raster.locate(113.0255, 35.0005)).get().extracting(GridLocation::gridCode)
                .isEqualTo("990202001750");
        assertThat(raster.locate(107, 32)).isEmpty();
        assertThat(raster.locate(Double.NaN, 35.015)).isEmpty();
        assertThat(tally.shared()).isGreaterThan(1_000);
        assertThat(tally.empty()).isGreaterThan(100);
    }

    @Test
    void tinyGridsFarApartOnOneLineAreFoundAndTheGapsBetweenThemAreEmpty() {
        var grids = new ArrayList<Grid>();
        for (int i = 0; i < 5; i++) {
            double x = 100 + i * 0.25;
            grids.add(new Grid("99030100100" + i, FACTORY.toGeometry(new Envelope(x, x + 1e-6, 30, 30 + 1e-6))));
        }
        var raster = raster(grids);
        var probes = probes(grids, new Envelope(100, 101.000001, 30, 30.000001), 2_000, 17);
        for (var g : grids) {
            var c = g.geometry().getCentroid().getCoordinate();
            probes.add(c);
            probes.add(new Coordinate(c.x + 0.1, c.y));
        }

        var tally = compare(raster::locate, grids, probes);

        assertThat(raster.locate(100.5000005, 30.0000005)).get().extracting(GridLocation::gridCode)
                .isEqualTo("990301001002");
        assertThat(raster.locate(100.6, 30.0000005)).isEmpty();
        assertThat(tally.empty()).isGreaterThan(1_000);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        var raster = GridRaster.of(List.of());

        assertThat(raster.size()).isZero();
        assertThat(raster.locate(0, 0)).isEmpty();
        assertThat(raster.locate(116.4, 39.9)).isEmpty();
    }

    @Test
    void theDongchengDemoIndexAgreesWithBruteForceAsReadFromTheDatabase() throws ParseException {
        var built = BenchGeography.dongcheng("grid_index_tests");
        var reader = new WKTReader();
        var grids = new ArrayList<Grid>();
        for (var row : JdbcClient.create(BenchGeography.database("grid_index_tests"))
                .sql("SELECT code, geometry FROM geo_unit_grid").query((rs, i) -> new String[] {rs.getString(1),
                        rs.getString(2)}).list()) {
            grids.add(new Grid(row[0], reader.read(row[1])));
        }
        grids.sort(Comparator.comparing(Grid::code));
        var rnd = new Random(3);
        var sample = new ArrayList<Grid>();
        for (int i = 0; i < 400; i++) {
            sample.add(grids.get(rnd.nextInt(grids.size())));
        }
        var probes = probes(sample, built.extent(), 4_000, 5);

        var tally = compare(built.locator()::locate, grids, probes);

        assertThat(built.grids()).isEqualTo(grids.size()).isGreaterThan(3_800);
        assertThat(tally.shared()).isGreaterThan(1_000);
        assertThat(tally.empty()).isGreaterThan(100);
    }
}
