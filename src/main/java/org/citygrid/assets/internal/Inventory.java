package org.citygrid.assets.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.citygrid.assets.ComponentDirectory;
import org.citygrid.assets.ComponentSummary;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The component inventory: look-ups for other modules ({@link ComponentDirectory}), all-or-nothing imports, state
 * changes, lists, map clusters and exports. One transaction per action.
 */
@Service
public class Inventory implements ComponentDirectory {

    /** Mean Earth radius (IUGG), for great-circle distances. */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    static final double METRES_PER_DEGREE_LAT = Math.PI * EARTH_RADIUS_M / 180;

    private final ComponentRepository components;
    private final ComponentStore store;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final Locator locator;
    private final JsonMapper json;
    private final Clock clock;
    private final AssetsSettings settings;

    Inventory(ComponentRepository components, ComponentStore store, Catalog catalog, OrgDirectory org,
              Locator locator, JsonMapper json, Clock clock, AssetsSettings settings) {
        this.components = components;
        this.store = store;
        this.catalog = catalog;
        this.org = org;
        this.locator = locator;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** What an import did: components created and components replaced. */
    public record ImportResult(int imported, int updated) {
    }

    @Override
    public Optional<ComponentSummary> find(String id) {
        return ComponentId.isWellFormed(id) ? components.findById(id).map(Component::summary) : Optional.empty();
    }

    @Override
    public List<ComponentSummary> nearest(double lon, double lat, double radiusMeters, int limit) {
        return nearestComponents(lon, lat, radiusMeters, limit).stream().map(Component::summary).toList();
    }

    /**
     * Components within the radius of a WGS84 point, nearest first: a window query on the (lon, lat) index, then the
     * exact great-circle distance of each candidate.
     */
    public List<Component> nearestComponents(double lon, double lat, double radiusMeters, int limit) {
        if (limit <= 0 || !(radiusMeters > 0)) {
            return List.of();
        }
        double dLat = radiusMeters / METRES_PER_DEGREE_LAT;
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(lat)), 1e-6);
        var box = new ComponentFilter.BBox(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
        return store.inWindow(box).stream()
                .map(c -> new Hit(c, distanceMeters(lon, lat, c.lon(), c.lat())))
                .filter(h -> h.metres() <= radiusMeters)
                .sorted(Comparator.comparingDouble(Hit::metres).thenComparing(h -> h.component().id()))
                .limit(limit).map(Hit::component).toList();
    }

    private record Hit(Component component, double metres) {
    }

    /** Great-circle distance in metres (haversine on the mean sphere; < 0.5 % from the ellipsoid). */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The component, or a 404 problem. */
    public Component get(String id) {
        if (!ComponentId.isWellFormed(id)) {
            throw new DomainException.BadRequest("id", ComponentId.problem(id), id);
        }
        return components.findById(id).orElseThrow(() -> new DomainException.NotFound("assets.component.unknown", id));
    }

    @Transactional
    public Component changeState(String id, ComponentState state, int expectedVersion) {
        var c = get(id);
        c.changeState(state, expectedVersion, clock.instant());
        return components.save(c);
    }

    /** The line or polygon of the component as a GeoJSON geometry object, or null for a point component. */
    public java.util.Map<String, Object> shapeGeoJson(Component c) {
        return GeoJsonFormat.shape(c);
    }

    public PageResult<Component> list(ComponentFilter filter, Paging paging) {
        return store.list(filter, paging);
    }

    public List<Cluster> clusters(ComponentFilter filter, double cellDegrees) {
        return store.clusters(filter, cellDegrees);
    }

    public Optional<CatalogClass> componentClass(String code) {
        return catalog.find(ClassKind.COMPONENT, code);
    }

    /** Imports a CSV file (see {@link CsvFormat}) all or nothing. */
    @Transactional
    public ImportResult importCsv(byte[] body, Crs crs) {
        var check = newImport(crs, true);
        CsvFormat.read(new String(body, StandardCharsets.UTF_8), check, settings.maxImportRows());
        return write(check.result());
    }

    /** Imports a GeoJSON FeatureCollection (see {@link GeoJsonFormat}) all or nothing. */
    @Transactional
    public ImportResult importGeoJson(byte[] body, Crs crs) {
        var check = newImport(crs, false);
        try {
            GeoJsonFormat.read(json.readTree(body), check, settings.maxImportRows());
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new DomainException.BadRequest("body", "assets.import.malformed-json",
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr());
        }
        return write(check.result());
    }

    /** Writes checked rows: new identifiers are inserted, known ones replaced (their version goes up). */
    ImportResult write(List<ComponentRow> rows) {
        var versions = store.versions(rows.stream().map(ComponentRow::id).toList());
        var inserts = rows.stream().filter(r -> !versions.containsKey(r.id())).toList();
        var updates = rows.stream().filter(r -> versions.containsKey(r.id())).toList();
        var now = clock.instant();
        store.insert(inserts, now);
        store.replace(updates, versions, now);
        return new ImportResult(inserts.size(), updates.size());
    }

    private ComponentImport newImport(Crs crs, boolean csv) {
        return new ComponentImport(crs, new ComponentImport.Lookups() {
            @Override
            public Optional<String> componentClass(String code) {
                return catalog.find(ClassKind.COMPONENT, code).map(CatalogClass::name);
            }

            @Override
            public boolean department(String code) {
                return org.departmentExists(code);
            }

            @Override
            public Optional<GridLocation> locate(double lon, double lat) {
                return locator.locate(lon, lat);
            }
        }, csv);
    }

    /** Writes the matching components as CSV, in identifier order, without holding them in memory. */
    public void exportCsv(ComponentFilter filter, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer = CsvFormat.printer(writer);
        store.forEach(filter, c -> {
            try {
                CsvFormat.print(printer, c);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    /** Writes the matching components as a GeoJSON FeatureCollection, one feature at a time. */
    public void exportGeoJson(ComponentFilter filter, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = new boolean[] {true};
        store.forEach(filter, c -> {
            try {
                writer.write(first[0] ? "\n" : ",\n");
                first[0] = false;
                writer.write(json.writeValueAsString(GeoJsonFormat.feature(c)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.write("\n]}\n");
        writer.flush();
    }
}
