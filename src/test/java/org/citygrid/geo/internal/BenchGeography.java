package org.citygrid.geo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.Locator;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the application's own {@link GridIndex} without Spring for the JMH benchmarks (org.citygrid.bench): the real
 * Flyway schema in an in-memory H2 database, unit grids written the way {@link UnitGrids} writes them, and
 * {@link GridIndex#rebuild()} reading them back exactly as it does at start-up. Not a test: no assertions here.
 */
public final class BenchGeography {

    /** A ready index and the WGS84 window its grids cover. */
    public record Built(Locator locator, int grids, Envelope extent) {
    }

    private BenchGeography() {
    }

    /**
     * The demo geography of Dongcheng as {@link DemoGeography} makes it: the real DataV boundary (GCJ-02 → WGS84), the
     * seeded synthetic partition of {@link SyntheticPartition} into the 17 real streets and 169 real communities, 100 m
     * grids from {@link GridGenerator}, and five supervision grids of consecutive streets.
     */
    public static Built dongcheng(String databaseName) {
        var district = DemoGeography.DISTRICT;
        var rows = ReferenceDivisions.of(district);
        var boundary = districtBoundary(district);
        var projection = LocalProjection.around(boundary);
        var random = new Random(Long.parseLong(district));
        var streets = rows.stream().filter(r -> r.level() == DivisionLevel.STREET)
                .sorted(Comparator.comparing(ReferenceDivisions.Row::code)).toList();
        var streetShapes = SyntheticPartition.split(projection.forward(boundary), streets.size(), random);
        var areas = new ArrayList<GridGenerator.Area>();
        var writer = new WKTWriter();
        var reader = new org.locationtech.jts.io.WKTReader();
        for (int i = 0; i < streets.size(); i++) {
            var street = streets.get(i);
            var communities = rows.stream()
                    .filter(r -> r.level() == DivisionLevel.COMMUNITY && street.code().equals(r.parentCode()))
                    .sorted(Comparator.comparing(ReferenceDivisions.Row::code)).toList();
            if (communities.isEmpty()) {
                continue;
            }
            var shapes = SyntheticPartition.split(streetShapes.get(i), communities.size(), random);
            for (int j = 0; j < communities.size(); j++) {
                // through WKT, as the stored boundary is what the app's generator reads back
                areas.add(new GridGenerator.Area(communities.get(j).code(), DivisionLevel.COMMUNITY,
                        read(reader, writer.write(projection.inverse(shapes.get(j))))));
            }
        }
        areas.sort(Comparator.comparing(GridGenerator.Area::code));
        var generated = new GridGenerator(boundary, 100).generate(areas);
        var db = database(databaseName);
        var jdbc = new JdbcTemplate(db);
        var args = new ArrayList<Object[]>(generated.size());
        for (var g : generated) {
            args.add(row(writer, g.code(), g.districtCode(), g.streetCode(), g.communityCode(), g.wgs84(),
                    g.areaM2()));
        }
        insert(jdbc, args);
        for (int i = 0; i < DemoGeography.SUPERVISORS; i++) {
            var code = district + "-S" + (i + 1);
            jdbc.update("INSERT INTO geo_supervision_grid (code, name, district_code, supervisor, synthetic) "
                    + "VALUES (?,?,?,?,TRUE)", code, code, district, "supervisor" + (i + 1));
            long id = jdbc.queryForObject("SELECT id FROM geo_supervision_grid WHERE code = ?", Long.class, code);
            for (var street : streets.subList(i * streets.size() / DemoGeography.SUPERVISORS,
                    (i + 1) * streets.size() / DemoGeography.SUPERVISORS)) {
                jdbc.update("INSERT INTO geo_supervision_grid_member (supervision_grid, division_code) VALUES (?,?)",
                        id, street.code());
            }
        }
        return index(db, generated.size(), boundary.getEnvelopeInternal());
    }

    /**
     * A synthetic city of {@code side}×{@code side} square grids of {@code cellMetres} (a lattice laid in a
     * {@link LocalProjection} around Beijing's centre), one community per 10×10 block of cells.
     */
    public static Built lattice(String databaseName, int side, double cellMetres) {
        var projection = LocalProjection.around(116.40, 39.90);
        double half = side * cellMetres / 2;
        var db = database(databaseName);
        var jdbc = new JdbcTemplate(db);
        var writer = new WKTWriter();
        var args = new ArrayList<Object[]>();
        var extent = new Envelope();
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double x = -half + col * cellMetres;
                double y = half - (row + 1) * cellMetres;
                var square = GeoJsonGeometry.FACTORY.toGeometry(new Envelope(x, x + cellMetres, y, y + cellMetres));
                var wgs84 = projection.inverse(square);
                extent.expandToInclude(wgs84.getEnvelopeInternal());
                int community = (row / 10) * ((side + 9) / 10) + col / 10;
                var street = String.format("999901%03d", community / 999 + 1);
                var communityCode = street + String.format("%03d", community % 999 + 1);
                args.add(row(writer, communityCode + String.format("%03d", (row % 10) * 10 + col % 10 + 1), "999901", street,
                        communityCode, wgs84, cellMetres * cellMetres));
                if (args.size() == 5_000) {
                    insert(jdbc, args);
                    args.clear();
                }
            }
        }
        insert(jdbc, args);
        return index(db, side * side, extent);
    }

    /** {@code count} points spread over {@code extent} that a grid covers (seeded, so every run asks the same). */
    public static double[][] pointsInside(Built built, int count, long seed) {
        var random = new Random(seed);
        var points = new double[count][];
        var env = built.extent();
        for (int i = 0; i < count; ) {
            double lon = env.getMinX() + random.nextDouble() * env.getWidth();
            double lat = env.getMinY() + random.nextDouble() * env.getHeight();
            if (built.locator().locate(lon, lat).isPresent()) {
                points[i++] = new double[] {lon, lat};
            }
        }
        return points;
    }

    private static Built index(DataSource db, int grids, Envelope extent) {
        var index = new GridIndex(JdbcClient.create(db));
        index.rebuild();
        if (index.size() != grids) {
            throw new IllegalStateException("index holds " + index.size() + " grids, expected " + grids);
        }
        return new Built(index, grids, extent);
    }

    private static Object[] row(WKTWriter writer, String code, String district, String street, String community,
                                Geometry wgs84, double areaM2) {
        var env = wgs84.getEnvelopeInternal();
        return new Object[] {code, district, street, community, writer.write(wgs84), env.getMinX(), env.getMinY(),
                env.getMaxX(), env.getMaxY(), areaM2, true};
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> args) {
        jdbc.batchUpdate("INSERT INTO geo_unit_grid (code, district_code, street_code, community_code, geometry, "
                + "min_lon, min_lat, max_lon, max_lat, area_m2, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?)", args);
    }

    /** The in-memory database of that name (created and migrated on first use; the same one afterwards). */
    static DataSource database(String name) {
        var db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static Geometry districtBoundary(String code) {
        try {
            var body = new ClassPathResource(DemoGeography.BOUNDARY).getContentAsByteArray();
            var plan = DivisionImport.check(JsonMapper.builder().build().readTree(body), Crs.GCJ02, c -> null);
            return plan.entries().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow().wgs84();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Geometry read(org.locationtech.jts.io.WKTReader reader, String wkt) {
        try {
            return reader.read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
