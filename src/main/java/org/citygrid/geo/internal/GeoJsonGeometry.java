package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.citygrid.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;

import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON Polygon/MultiPolygon geometries into JTS (converted to WGS84) after checking their shape, coordinate
 * ranges and ring closure, and writes JTS polygons back as GeoJSON maps. JTS validity is checked by the caller.
 */
public final class GeoJsonGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    /** The geometry in WGS84, or null after reporting each problem found to {@code errors} (message key, args). */
    /** The features of a FeatureCollection with at least one feature; the whole file is refused otherwise. */
    static JsonNode features(JsonNode root) {
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw new ImportRejected(List.of(new FeatureProblem(null, null, "geo.import.not-feature-collection")));
        }
        var features = root.get("features");
        if (features.isEmpty()) {
            throw new ImportRejected(List.of(new FeatureProblem(null, null, "geo.import.empty")));
        }
        return features;
    }

    static Geometry read(JsonNode geometry, Crs crs, Consumer<Object[]> errors) {
        if (geometry == null || geometry.isNull() || !geometry.isObject()) {
            errors.accept(new Object[] {"geo.import.geometry.missing"});
            return null;
        }
        var type = geometry.path("type").asString("");
        var coordinates = geometry.get("coordinates");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            errors.accept(new Object[] {"geo.import.geometry.type", type});
            return null;
        }
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            errors.accept(new Object[] {"geo.import.geometry.coordinates"});
            return null;
        }
        var reader = new Reader(crs, errors);
        Geometry result;
        if (type.equals("Polygon")) {
            result = reader.polygon(coordinates);
        } else {
            var polygons = new ArrayList<Polygon>();
            for (var p : coordinates) {
                polygons.add(reader.polygon(p));
            }
            result = reader.failed ? null : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        return reader.failed ? null : result;
    }

    /**
     * The geometry in WGS84, checked and made valid: an invalid polygon is repaired with JTS's GeometryFixer when that
     * yields a non-empty valid polygon (the repair is added to {@code repaired}); otherwise, or when the GeoJSON is
     * wrong, the problem is added to {@code errors} and the result is null.
     */
    static Geometry readValid(JsonNode json, Crs crs, int index, String code, List<FeatureProblem> errors,
                              List<FeatureProblem> repaired) {
        var g = read(json, crs, e -> errors.add(new FeatureProblem(index, code, (String) e[0],
                Arrays.copyOfRange(e, 1, e.length))));
        if (g == null) {
            return null;
        }
        var validity = new IsValidOp(g).getValidationError();
        if (validity == null) {
            return g;
        }
        var fixed = GeometryFixer.fix(g);
        if (fixed.isEmpty() || !(fixed instanceof Polygonal) || !fixed.isValid()) {
            errors.add(new FeatureProblem(index, code, "geo.import.geometry.unrepairable", validity.toString()));
            return null;
        }
        repaired.add(new FeatureProblem(index, code, "geo.import.geometry.repaired", validity.toString()));
        return fixed;
    }

    /** A GeoJSON geometry object for a Polygon or MultiPolygon, with the coordinates as stored. */
    static Map<String, Object> write(Geometry g) {
        return write(g, false);
    }

    /**
     * As {@link #write(Geometry)}; {@code forDrawing} rounds coordinates to 1e-6 degrees (about 0.1 m): plenty for a
     * map, and it keeps the document small.
     */
    public static Map<String, Object> write(Geometry g, boolean forDrawing) {
        var map = new LinkedHashMap<String, Object>();
        if (g instanceof Polygon p) {
            map.put("type", "Polygon");
            map.put("coordinates", rings(p, forDrawing));
        } else if (g instanceof MultiPolygon mp) {
            var polygons = new ArrayList<Object>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) mp.getGeometryN(i), forDrawing));
            }
            map.put("type", "MultiPolygon");
            map.put("coordinates", polygons);
        } else {
            throw new IllegalArgumentException("not polygonal: " + g.getGeometryType());
        }
        return map;
    }

    private static List<Object> rings(Polygon p, boolean rounded) {
        var rings = new ArrayList<Object>();
        rings.add(positions(p.getExteriorRing().getCoordinates(), rounded));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i).getCoordinates(), rounded));
        }
        return rings;
    }

    private static List<double[]> positions(Coordinate[] coordinates, boolean rounded) {
        var list = new ArrayList<double[]>(coordinates.length);
        for (var c : coordinates) {
            list.add(rounded ? new double[] {Math.round(c.x * 1e6) / 1e6, Math.round(c.y * 1e6) / 1e6}
                    : new double[] {c.x, c.y});
        }
        return list;
    }

    private static final class Reader {
        private final Crs crs;
        private final Consumer<Object[]> errors;
        private boolean failed;

        Reader(Crs crs, Consumer<Object[]> errors) {
            this.crs = crs;
            this.errors = errors;
        }

        private void fail(Object... error) {
            if (!failed) {
                errors.accept(error);
            }
            failed = true;
        }

        Polygon polygon(JsonNode rings) {
            if (!rings.isArray() || rings.isEmpty()) {
                fail("geo.import.geometry.coordinates");
                return null;
            }
            var shell = ring(rings.get(0));
            var holes = new ArrayList<LinearRing>();
            for (int i = 1; i < rings.size(); i++) {
                holes.add(ring(rings.get(i)));
            }
            return failed ? null : FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
        }

        private LinearRing ring(JsonNode positions) {
            if (!positions.isArray()) {
                fail("geo.import.geometry.coordinates");
                return null;
            }
            if (positions.size() < 4) {
                fail("geo.import.ring.short", positions.size());
                return null;
            }
            var coordinates = new Coordinate[positions.size()];
            for (int i = 0; i < positions.size(); i++) {
                coordinates[i] = position(positions.get(i));
                if (coordinates[i] == null) {
                    return null;
                }
            }
            if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                fail("geo.import.ring.open", coordinates[0].x, coordinates[0].y);
                return null;
            }
            var original = new Coordinate[coordinates.length];
            for (int i = 0; i < coordinates.length; i++) {
                var p = crs.toWgs84(coordinates[i].x, coordinates[i].y);
                original[i] = new Coordinate(p.lon(), p.lat());
            }
            original[original.length - 1] = original[0].copy();
            return FACTORY.createLinearRing(original);
        }

        private Coordinate position(JsonNode p) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                fail("geo.import.geometry.coordinates");
                return null;
            }
            double lon = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                fail("geo.import.geometry.range", p.get(0).toString(), p.get(1).toString());
                return null;
            }
            return new Coordinate(lon, lat);
        }
    }
}
