package org.citygrid.assets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citygrid.geo.Crs;
import org.citygrid.geo.GridLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTWriter;

/**
 * Checks the rows of an import one by one and collects every problem, so that a file is either written whole or
 * refused with a list of what to fix. A row names its component by the 17-digit identifier; the class comes from the
 * identifier, the grid from the point (located here), and the county of the identifier must be the district of that
 * grid — so a component can only be filed under a district the platform knows and where it actually stands.
 */
final class ComponentImport {

    /** At most this many problems are reported; the total is counted anyway. */
    static final int MAX_PROBLEMS = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;

    /** What the import asks the rest of the platform. */
    interface Lookups {
        /** The name of the component class with this 5-digit code, if the catalog has it. */
        Optional<String> componentClass(String code);

        boolean department(String code);

        Optional<GridLocation> locate(double lon, double lat);
    }

    /**
     * One row as read from the file, before checking: text fields as given (null when absent), the line or polygon
     * (if any) already parsed but still in the file's CRS. {@code at} is the line (CSV) or feature index (GeoJSON).
     */
    record Raw(int at, String id, String classCode, String name, String description, String state, String lon,
               String lat, Geometry shape, String owner, String maintainer) {
    }

    private final Crs crs;
    private final Lookups lookups;
    private final boolean csv;
    private final List<ImportProblem> problems = new ArrayList<>();
    private int total;
    private final Map<String, Integer> firstAt = new HashMap<>();
    private final Map<String, Boolean> departments = new HashMap<>();
    private final Map<String, Optional<String>> classes = new HashMap<>();
    private final List<ComponentRow> rows = new ArrayList<>();

    ComponentImport(Crs crs, Lookups lookups, boolean csv) {
        this.crs = crs;
        this.lookups = lookups;
        this.csv = csv;
    }

    /** Records a problem of a row ({@code at} null: the whole file). */
    void problem(Integer at, String field, String key, Object... args) {
        total++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(csv ? new ImportProblem(at, null, field, key, args) : new ImportProblem(null, at, field, key,
                    args));
        }
    }

    /** The rows to write, or {@link ImportRejected} with every problem found. */
    List<ComponentRow> result() {
        if (total == 0 && rows.isEmpty()) {
            problem(null, null, "assets.import.empty");
        }
        if (total > 0) {
            throw new ImportRejected(problems, total);
        }
        return rows;
    }

    void add(Raw raw) {
        int before = total;
        var id = id(raw);
        var className = id == null ? null : classes.computeIfAbsent(id.classCode(), lookups::componentClass);
        if (id != null && className.isEmpty()) {
            problem(raw.at(), "id", "assets.id.class", id.classCode());
        }
        if (id != null && blankToNull(raw.classCode()) != null && !raw.classCode().strip().equals(id.classCode())) {
            problem(raw.at(), "classCode", "assets.import.class.mismatch", raw.classCode().strip(), id.classCode());
        }
        var state = blankToNull(raw.state()) == null ? Optional.of(ComponentState.INTACT)
                : ComponentState.parse(raw.state());
        if (state.isEmpty()) {
            problem(raw.at(), "state", "assets.import.state.unknown", raw.state());
        }
        var shape = shape(raw);
        var point = point(raw, shape);
        var grid = point == null ? null : grid(raw, point, id);
        var owner = department(raw, "ownerDepartmentCode", raw.owner());
        var maintainer = department(raw, "maintainerDepartmentCode", raw.maintainer());
        var name = text(raw, "name", raw.name(), MAX_NAME);
        var description = text(raw, "description", raw.description(), MAX_DESCRIPTION);
        if (total > before) {
            return;
        }
        rows.add(new ComponentRow(id.value(), id.classCode(), name == null ? className.get() : name, description,
                state.get(), point.x, point.y, shape == null ? null : new WKTWriter().write(shape),
                grid.gridCode(), owner, maintainer, false));
    }

    private ComponentId id(Raw raw) {
        var text = blankToNull(raw.id());
        if (text == null) {
            problem(raw.at(), "id", "assets.import.id.missing");
            return null;
        }
        text = text.strip();
        var problem = ComponentId.problem(text);
        if (problem != null) {
            problem(raw.at(), "id", problem, text);
            return null;
        }
        var first = firstAt.putIfAbsent(text, raw.at());
        if (first != null) {
            problem(raw.at(), "id", "assets.import.id.duplicate", text, first);
            return null;
        }
        return new ComponentId(text);
    }

    /** The line or polygon in WGS84, or null when the row has none (or a wrong one: then a problem is recorded). */
    private Geometry shape(Raw raw) {
        var g = raw.shape();
        if (g == null) {
            return null;
        }
        if (g.isEmpty() || !(g instanceof Lineal || g instanceof Polygonal)) {
            problem(raw.at(), "geometry", "assets.import.geometry.type", g.getGeometryType());
            return null;
        }
        for (var c : g.getCoordinates()) {
            if (!inRange(c.x, c.y)) {
                problem(raw.at(), "geometry", "assets.import.geometry.range", String.valueOf(c.x),
                        String.valueOf(c.y));
                return null;
            }
        }
        var wgs = g.copy();
        if (crs != Crs.WGS84) {
            wgs.apply((CoordinateFilter) c -> {
                var p = crs.toWgs84(c.x, c.y);
                c.x = p.lon();
                c.y = p.lat();
            });
            wgs.geometryChanged();
        }
        if (!wgs.isValid()) {
            problem(raw.at(), "geometry", "assets.import.geometry.invalid");
            return null;
        }
        return wgs;
    }

    /** The representative point in WGS84: the given lon/lat, else a point on the line or inside the polygon. */
    private Coordinate point(Raw raw, Geometry shape) {
        var lonText = blankToNull(raw.lon());
        var latText = blankToNull(raw.lat());
        if (lonText == null && latText == null) {
            if (shape != null) {
                return shape.getInteriorPoint().getCoordinate();
            }
            if (raw.shape() == null) {
                problem(raw.at(), "lon", "assets.import.point.missing");
            }
            return null;
        }
        var lon = number(raw, "lon", lonText);
        var lat = number(raw, "lat", latText);
        if (lon == null || lat == null) {
            return null;
        }
        if (!inRange(lon, lat)) {
            problem(raw.at(), "lon", "assets.import.point.range", String.valueOf(lon), String.valueOf(lat));
            return null;
        }
        var p = crs.toWgs84(lon, lat);
        return new Coordinate(p.lon(), p.lat());
    }

    private GridLocation grid(Raw raw, Coordinate point, ComponentId id) {
        var grid = lookups.locate(point.x, point.y);
        if (grid.isEmpty()) {
            problem(raw.at(), "lon", "assets.import.point.outside", String.valueOf(point.x),
                    String.valueOf(point.y));
            return null;
        }
        if (id != null && !id.county().equals(grid.get().districtCode())) {
            problem(raw.at(), "id", "assets.id.county", id.county(), grid.get().districtCode());
            return null;
        }
        return grid.get();
    }

    private String department(Raw raw, String field, String code) {
        var c = blankToNull(code);
        if (c == null) {
            return null;
        }
        var stripped = c.strip();
        if (!departments.computeIfAbsent(stripped, lookups::department)) {
            problem(raw.at(), field, "assets.import.department.unknown", stripped);
        }
        return stripped;
    }

    private String text(Raw raw, String field, String value, int max) {
        var v = blankToNull(value);
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (v.length() > max) {
            problem(raw.at(), field, "assets.import.text.too-long", max);
        }
        return v;
    }

    private Double number(Raw raw, String field, String text) {
        if (text == null) {
            problem(raw.at(), field, "assets.import.number", "");
            return null;
        }
        try {
            var d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below like any other non-number
        }
        problem(raw.at(), field, "assets.import.number", text);
        return null;
    }

    private static boolean inRange(double lon, double lat) {
        return Double.isFinite(lon) && Double.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
