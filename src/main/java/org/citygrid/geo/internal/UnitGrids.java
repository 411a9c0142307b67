package org.citygrid.geo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.UnitGridsChanged;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Generating, storing and listing unit grids (单元网格). */
@Service
public class UnitGrids {

    /** Upper bound on the cells of one generation, to refuse a cell size that would take minutes. */
    static final long MAX_CELLS = 250_000;
    static final int MAX_GEOJSON_FEATURES = 10_000;

    private final DivisionRepository divisions;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    UnitGrids(DivisionRepository divisions, JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events,
              JsonMapper json) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.json = json;
    }

    /** A stored unit grid. {@code streetCode}/{@code communityCode} are null where the level had no boundary. */
    public record UnitGrid(String code, String districtCode, String streetCode, String communityCode, double areaM2,
                           String geometryWkt, String name) {

        public Geometry geometry() {
            try {
                return new WKTReader().read(geometryWkt);
            } catch (ParseException e) {
                throw new IllegalStateException("Unreadable geometry of unit grid " + code, e);
            }
        }

        /** The geometry as a GeoJSON geometry object. */
        public Map<String, Object> geoJsonGeometry() {
            return GeoJsonGeometry.write(geometry());
        }
    }

    /** A longitude/latitude window, WGS84. */
    public record BBox(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /**
     * Replaces every grid under {@code parentCode} by square cells of about {@code cellSizeMeters}, clipped to the
     * parent's deepest level of child boundaries (communities, else streets, else the parent itself).
     */
    @Transactional
    public int generate(String parentCode, int cellSizeMeters) {
        var parent = divisions.findByCode(parentCode)
                .orElseThrow(() -> new DomainException.Invalid("parentCode", "geo.division.unknown", parentCode));
        if (!parent.hasBoundary()) {
            throw new DomainException.Invalid("parentCode", "geo.grids.no-boundary", parentCode);
        }
        var parentGeometry = parent.geometry();
        if (LocalProjection.areaM2(parentGeometry) / ((double) cellSizeMeters * cellSizeMeters) > MAX_CELLS) {
            throw new DomainException.Invalid("cellSizeMeters", "geo.grids.cells-too-many", cellSizeMeters, MAX_CELLS);
        }
        var generated = new GridGenerator(parentGeometry, cellSizeMeters).generate(areas(parent));
        jdbc.sql("DELETE FROM geo_unit_grid WHERE code LIKE :prefix").param("prefix", parentCode + "%").update();
        insert(generated, parent.synthetic() || areasSynthetic(parent));
        events.publishEvent(new UnitGridsChanged(parentCode, generated.size()));
        return generated.size();
    }

    /** What a grid import did: grids written, grids they replaced, divisions whose grids were replaced. */
    public record ImportResult(int imported, int replaced, int divisions, List<FeatureProblem> repaired) {
    }

    /**
     * Imports unit grids from a GeoJSON FeatureCollection given in {@code crs} (see {@link GridImport} for the codes),
     * all or nothing: for every division the file's codes name, its grids are deleted and the file's inserted;
     * {@link UnitGridsChanged} is published per division so the point index rebuilds.
     */
    @Transactional
    public ImportResult importGeoJson(byte[] body, Crs crs) {
        var plan = GridImport.check(Divisions.parse(json, body), crs,
                code -> divisions.findByCode(code).map(Division::level).orElse(null));
        var byPrefix = new TreeMap<String, List<GridImport.Entry>>();
        plan.entries().forEach(e -> byPrefix.computeIfAbsent(e.replacedPrefix(), p -> new ArrayList<>()).add(e));
        int replaced = 0;
        for (var prefix : byPrefix.keySet()) {
            replaced += jdbc.sql("DELETE FROM geo_unit_grid WHERE code LIKE :prefix").param("prefix", prefix + "%")
                    .update();
        }
        var writer = new WKTWriter();
        var args = new ArrayList<Object[]>(plan.entries().size());
        for (var e : plan.entries()) {
            var env = e.wgs84().getEnvelopeInternal();
            args.add(new Object[] {e.code(), e.districtCode(), e.streetCode(), e.communityCode(),
                    writer.write(e.wgs84()), env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(),
                    LocalProjection.areaM2(e.wgs84()), false, e.name()});
        }
        batch.batchUpdate("INSERT INTO geo_unit_grid (code, district_code, street_code, community_code, geometry, "
                + "min_lon, min_lat, max_lon, max_lat, area_m2, synthetic, name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                args);
        byPrefix.forEach((prefix, grids) -> events.publishEvent(new UnitGridsChanged(grids.get(0).parentCode(),
                grids.size())));
        return new ImportResult(plan.entries().size(), replaced, byPrefix.size(), plan.repaired());
    }

    /** Grids under a division (by code prefix) and/or meeting a window, by code, one page. */
    public PageResult<UnitGrid> list(String parentCode, BBox bbox, Paging paging) {
        var where = where(parentCode, bbox);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid" + where), parentCode, bbox)
                .query(Long.class).single();
        var items = bind(jdbc.sql(SELECT + where + " ORDER BY code LIMIT :limit OFFSET :offset"), parentCode, bbox)
                .param("limit", paging.size()).param("offset", paging.offset()).query(UnitGrids::row).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** All grids matching, for a map layer; refuses more than {@value #MAX_GEOJSON_FEATURES}. */
    public List<UnitGrid> all(String parentCode, BBox bbox) {
        var where = where(parentCode, bbox);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid" + where), parentCode, bbox)
                .query(Long.class).single();
        if (total > MAX_GEOJSON_FEATURES) {
            throw new DomainException.BadRequest("bbox", "geo.grids.too-many-features", total, MAX_GEOJSON_FEATURES);
        }
        return bind(jdbc.sql(SELECT + where + " ORDER BY code"), parentCode, bbox).query(UnitGrids::row).list();
    }

    private static final String SELECT = "SELECT code, district_code, street_code, community_code, area_m2, geometry, "
            + "name FROM geo_unit_grid";

    private static UnitGrid row(ResultSet rs, int i) throws SQLException {
        return new UnitGrid(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7));
    }

    private static String where(String parentCode, BBox bbox) {
        var conditions = new ArrayList<String>();
        if (parentCode != null) {
            conditions.add("code LIKE :prefix");
        }
        if (bbox != null) {
            conditions.add("max_lon >= :minLon AND min_lon <= :maxLon AND max_lat >= :minLat AND min_lat <= :maxLat");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String parentCode, BBox bbox) {
        if (parentCode != null) {
            spec = spec.param("prefix", parentCode + "%");
        }
        if (bbox != null) {
            spec = spec.param("minLon", bbox.minLon()).param("maxLon", bbox.maxLon()).param("minLat", bbox.minLat())
                    .param("maxLat", bbox.maxLat());
        }
        return spec;
    }

    /** The deepest level of child boundaries under the parent, or the parent itself. */
    private List<GridGenerator.Area> areas(Division parent) {
        for (var level : List.of(DivisionLevel.COMMUNITY, DivisionLevel.STREET)) {
            if (level.codeLength() <= parent.code().length()) {
                continue;
            }
            var children = childrenWithBoundary(parent, level);
            if (!children.isEmpty()) {
                return children.stream().map(d -> new GridGenerator.Area(d.code(), level, d.geometry())).toList();
            }
        }
        return List.of(new GridGenerator.Area(parent.code(), parent.level(), parent.geometry()));
    }

    private List<Division> childrenWithBoundary(Division parent, DivisionLevel level) {
        return divisions.findByLevelOrderByCode(level).stream()
                .filter(d -> d.code().startsWith(parent.code()) && d.hasBoundary()).toList();
    }

    private boolean areasSynthetic(Division parent) {
        return divisions.findAllByOrderByCode().stream()
                .anyMatch(d -> d.code().startsWith(parent.code()) && d.hasBoundary() && d.synthetic());
    }

    private void insert(List<GridGenerator.Generated> grids, boolean synthetic) {
        var writer = new WKTWriter();
        var args = new ArrayList<Object[]>(grids.size());
        for (var g : grids) {
            var env = g.wgs84().getEnvelopeInternal();
            args.add(new Object[] {g.code(), g.districtCode(), g.streetCode(), g.communityCode(),
                    writer.write(g.wgs84()), env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), g.areaM2(),
                    synthetic});
        }
        batch.batchUpdate("INSERT INTO geo_unit_grid (code, district_code, street_code, community_code, geometry, "
                + "min_lon, min_lat, max_lon, max_lat, area_m2, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?)", args);
    }
}
