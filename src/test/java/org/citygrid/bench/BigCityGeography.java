package org.citygrid.bench;

import static org.citygrid.bench.BigCity.COLS;
import static org.citygrid.bench.BigCity.DLAT;
import static org.citygrid.bench.BigCity.DLON;
import static org.citygrid.bench.BigCity.LAT_N;
import static org.citygrid.bench.BigCity.LON0;
import static org.citygrid.bench.BigCity.ROWS;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The big city's geography and components by set-based SQL. The lattice: cell (col, row), row 0 in the north; 4
 * districts of 100 columns ({@code 990101}–{@code 990104}, a province code that does not exist, so the data can never
 * pass for a real place), each of 2 × 5 streets of 50 × 50 cells, each of 5 × 5 communities of 10 × 10 cells; codes
 * as the grid generator writes them (community + 001–100, numbered north → south, west → east).
 */
final class BigCityGeography {

    /** Area of a cell in m²: width × height in metres at the cell's own latitude (WGS84 radii of curvature). */
    private static final String AREA = """
            (radians(%1$s) * 6378137 / sqrt(1 - 0.00669437999014 * sin(radians(%3$s))^2) * cos(radians(%3$s)))
            * (radians(%2$s) * 6378137 * (1 - 0.00669437999014) / (1 - 0.00669437999014 * sin(radians(%3$s))^2) ^ 1.5)
            """;
    private static final String RECTANGLE = "format('POLYGON ((%1$s %2$s, %1$s %4$s, %3$s %4$s, %3$s %2$s, %1$s %2$s))', "
            + "min_lon, min_lat, max_lon, max_lat)";

    /** Component classes of the demo inventory's mix (DemoInventory): code, weight, owner, lines streets. */
    private record Share(String code, double weight, String department, boolean alongStreets) {
    }

    private static final List<Share> MIX = List.of(
            new Share("01001", 9, "water", false), new Share("01002", 8, "drainage", false),
            new Share("01003", 8, "drainage", false), new Share("01004", 6, "drainage", true),
            new Share("01005", 5, "power", false), new Share("01006", 3, "lighting", true),
            new Share("01007", 6, "telecom", false), new Share("01010", 4, "heating", false),
            new Share("01011", 4, "gas", false), new Share("01013", 1.5, "water", true),
            new Share("01030", 2, "power", true), new Share("01031", 2, "telecom", true),
            new Share("01048", 0.5, "power", false), new Share("01037", 14, "lighting", true),
            new Share("03005", 9, "sanitation", true), new Share("03001", 0.3, "sanitation", false),
            new Share("04002", 12, "greening", true), new Share("04003", 2, "greening", false),
            new Share("04001", 0.2, "greening", false), new Share("04007", 1, "greening", false),
            new Share("02012", 1, "roads", true), new Share("02014", 0.6, "traffic", true),
            new Share("02017", 1.5, "traffic", true), new Share("02004", 0.5, "traffic", true),
            new Share("02027", 1, "roads", true), new Share("02021", 1.2, "roads", true));
    static final int COMPONENTS_PER_DISTRICT = 1_250_000;

    private BigCityGeography() {
    }

    static void write(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM geo_supervision_grid WHERE code LIKE 'S-99%'").update();
        jdbc.sql("DELETE FROM geo_unit_grid WHERE code LIKE '99%'").update();
        jdbc.sql("DELETE FROM geo_division WHERE code LIKE '99%'").update();
        cells(jdbc);
        jdbc.sql("""
                INSERT INTO geo_unit_grid (code, district_code, street_code, community_code, geometry, min_lon, min_lat,
                    max_lon, max_lat, area_m2, synthetic)
                SELECT code, district, street, community, %s, min_lon, min_lat, max_lon, max_lat, %s, TRUE
                FROM bigcity_gen.cell ORDER BY code""".formatted(RECTANGLE,
                AREA.formatted(DLON, DLAT, "(min_lat + max_lat) / 2"))).update();
        for (var level : List.of(new String[] {"DISTRICT", "district", "NULL", "'大城' || substr(district, 6) || '区'"},
                new String[] {"STREET", "street", "district", "substr(district, 6) || '区第' || "
                        + "CAST(CAST(substr(street, 7) AS INT) AS VARCHAR) || '街道'"},
                new String[] {"COMMUNITY", "community", "street", "substr(district, 6) || '区' || "
                        + "CAST(CAST(substr(street, 7) AS INT) AS VARCHAR) || '街第' || "
                        + "CAST(CAST(substr(community, 10) AS INT) AS VARCHAR) || '社区'"})) {
            jdbc.sql("""
                    INSERT INTO geo_division (code, name, level, parent_code, geometry, min_lon, min_lat, max_lon,
                        max_lat, area_m2, synthetic)
                    SELECT code, name, '%1$s', parent, %2$s, min_lon, min_lat, max_lon, max_lat, area, TRUE
                    FROM (SELECT %3$s AS code, MIN(%5$s) AS name, MIN(%4$s) AS parent, MIN(min_lon) AS min_lon,
                            MIN(min_lat) AS min_lat, MAX(max_lon) AS max_lon, MAX(max_lat) AS max_lat,
                            SUM(%6$s) AS area
                          FROM bigcity_gen.cell GROUP BY %3$s) d ORDER BY code""".formatted(level[0], RECTANGLE,
                    level[1], level[2], level[3], AREA.formatted(DLON, DLAT, "(min_lat + max_lat) / 2"))).update();
        }
        jdbc.sql("""
                INSERT INTO geo_supervision_grid (code, name, district_code, synthetic, version)
                SELECT 'S-' || code, name || '监督网格', parent_code, TRUE, 0 FROM geo_division WHERE level = 'STREET'
                ORDER BY code""").update();
        jdbc.sql("""
                INSERT INTO geo_supervision_grid_member (supervision_grid, division_code)
                SELECT id, substr(code, 3) FROM geo_supervision_grid WHERE code LIKE 'S-99%'""").update();
    }

    /** bigcity_gen.cell: one row per lattice cell with its codes and box; idx = row * COLS + col. */
    private static void cells(JdbcClient jdbc) {
        jdbc.sql("DROP TABLE IF EXISTS bigcity_gen.cell").update();
        jdbc.sql("""
                CREATE TABLE bigcity_gen.cell AS
                SELECT idx, col, row, CAST(min_lon AS DOUBLE PRECISION) AS min_lon,
                    CAST(max_lat - %3$s AS DOUBLE PRECISION) AS min_lat,
                    CAST(min_lon + %4$s AS DOUBLE PRECISION) AS max_lon, CAST(max_lat AS DOUBLE PRECISION) AS max_lat,
                    district || lpad(CAST(street_no AS VARCHAR), 3, '0') || lpad(CAST(community_no AS VARCHAR), 3, '0')
                        || lpad(CAST(seq AS VARCHAR), 3, '0') AS code,
                    district, district || lpad(CAST(street_no AS VARCHAR), 3, '0') AS street,
                    district || lpad(CAST(street_no AS VARCHAR), 3, '0') || lpad(CAST(community_no AS VARCHAR), 3, '0')
                        AS community,
                    'S-' || district || lpad(CAST(street_no AS VARCHAR), 3, '0') AS supervision
                FROM (SELECT r * %5$s + c AS idx, c AS col, r AS row,
                        %1$s + c * %4$s AS min_lon, %2$s - r * %3$s AS max_lat,
                        '99010' || CAST(c / 100 + 1 AS VARCHAR) AS district,
                        (r / 50) * 2 + (c %% 100) / 50 + 1 AS street_no,
                        ((r %% 50) / 10) * 5 + (c %% 50) / 10 + 1 AS community_no,
                        (r %% 10) * 10 + c %% 10 + 1 AS seq
                      FROM generate_series(0, %5$s - 1) c CROSS JOIN generate_series(0, %6$s - 1) r) x
                """.formatted(LON0, LAT_N, DLAT, DLON, COLS, ROWS)).update();
        jdbc.sql("ALTER TABLE bigcity_gen.cell ADD PRIMARY KEY (idx)").update();
    }

    /**
     * 1,250,000 components per district in the demo inventory's class mix (weights, owners; street furniture within
     * ~8 m of a street line every 200 m, the rest anywhere), identifiers county + class + 6-digit serial, 93 % intact.
     */
    static void components(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM asset_component WHERE id LIKE '99%'").update();
        jdbc.sql("DROP TABLE IF EXISTS bigcity_gen.mix").update();
        jdbc.sql("CREATE TABLE bigcity_gen.mix (code VARCHAR(5) PRIMARY KEY, n INT NOT NULL, department VARCHAR(32), "
                + "along BOOLEAN NOT NULL)").update();
        double total = MIX.stream().mapToDouble(Share::weight).sum();
        int left = COMPONENTS_PER_DISTRICT;
        for (int i = 0; i < MIX.size(); i++) {
            var s = MIX.get(i);
            int n = i == MIX.size() - 1 ? left : (int) Math.round(COMPONENTS_PER_DISTRICT * s.weight() / total);
            left -= n;
            jdbc.sql("INSERT INTO bigcity_gen.mix VALUES (?, ?, ?, ?)").params(s.code(), n, s.department(),
                    s.alongStreets()).update();
        }
        for (int d = 0; d < 4; d++) {
            long t0 = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO asset_component (id, class_code, name, description, state, lon, lat, shape, grid_code,
                        owner_code, maintainer_code, synthetic, changed_at, version)
                    SELECT '99010%1$d' || p.code || lpad(CAST(p.s AS VARCHAR), 6, '0'), p.code, k.name,
                        '合成大城市数据（synthetic big-city data）',
                        CASE WHEN p.rs < 0.93 THEN 'INTACT' WHEN p.rs < 0.97 THEN 'DAMAGED'
                             WHEN p.rs < 0.99 THEN 'OCCUPIED' ELSE 'MISSING' END,
                        p.lon, p.lat, NULL, cell.code, p.department, p.department, TRUE,
                        now() - p.rt * INTERVAL '1000 days', 0
                    FROM (SELECT q.*, FLOOR((q.lon - %2$s) / %4$s) AS col, FLOOR((%3$s - q.lat) / %5$s) AS row
                          FROM (SELECT m.code, m.department, s, rs, rt,
                                    CASE WHEN m.along AND rw < 0.5
                                         THEN %2$s + (%6$d + 2 * FLOOR(rx * 50) + 1) * %4$s + (rj - 0.5) * 0.000208
                                         ELSE %2$s + (%6$d + rx * 100) * %4$s END AS lon,
                                    CASE WHEN m.along AND rw >= 0.5
                                         THEN %3$s - (2 * FLOOR(ry * 125) + 1) * %5$s + (rj - 0.5) * 0.00016
                                         ELSE %3$s - ry * %7$d * %5$s END AS lat
                                FROM (SELECT m.*, s, random() AS rx, random() AS ry, random() AS rw, random() AS rj,
                                          random() AS rs, random() AS rt
                                      FROM bigcity_gen.mix m CROSS JOIN LATERAL generate_series(1, m.n) s) m) q) p
                    JOIN bigcity_gen.cell cell ON cell.idx = p.row * %8$d + p.col
                    JOIN case_class k ON k.kind = 'COMPONENT' AND k.code = p.code
                    """.formatted(d + 1, LON0, LAT_N, DLON, DLAT, d * 100, ROWS, COLS)).update();
            System.out.printf("  components of district %d: %.1f s%n", d + 1, (System.nanoTime() - t0) / 1e9);
        }
    }
}
