package org.citygrid.assets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import tools.jackson.databind.JsonNode;

/**
 * The inventory as a GeoJSON FeatureCollection: one Feature per component, its properties named like the CSV columns.
 * A Point geometry is the component's position; a (Multi)LineString or (Multi)Polygon is its shape, and its position
 * is then {@code properties.lon/lat} when given, else a point on the line or inside the polygon.
 */
final class GeoJsonFormat {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonFormat() {
    }

    static void read(JsonNode root, ComponentImport into, int maxRows) {
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            into.problem(null, null, "assets.import.geojson.not-collection");
            return;
        }
        var features = root.get("features");
        if (features.size() > maxRows) {
            into.problem(null, null, "assets.import.too-many-rows", maxRows);
            return;
        }
        for (int i = 0; i < features.size(); i++) {
            var f = features.get(i);
            if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
                into.problem(i, null, "assets.import.geojson.not-feature");
                continue;
            }
            feature(i, f, into);
        }
    }

    private static void feature(int i, JsonNode f, ComponentImport into) {
        var p = f.path("properties");
        String lon = text(p.get("lon"));
        String lat = text(p.get("lat"));
        Geometry shape = null;
        var g = f.get("geometry");
        try {
            var geometry = geometry(g);
            if (geometry instanceof org.locationtech.jts.geom.Point point) {
                lon = String.valueOf(point.getX());
                lat = String.valueOf(point.getY());
            } else {
                shape = geometry;
            }
        } catch (IllegalArgumentException e) {
            into.problem(i, "geometry", "assets.import.geojson.geometry", e.getMessage());
            return;
        }
        into.add(new ComponentImport.Raw(i, text(p.get("id")), text(p.get("classCode")), text(p.get("name")),
                text(p.get("description")), text(p.get("state")), lon, lat, shape,
                text(p.get("ownerDepartmentCode")), text(p.get("maintainerDepartmentCode"))));
    }

    /** The JTS geometry of a GeoJSON geometry object (null when absent); wrong shapes are IllegalArgumentException. */
    private static Geometry geometry(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        var type = g.path("type").asString("");
        var c = g.path("coordinates");
        return switch (type) {
            case "Point" -> FACTORY.createPoint(coordinate(c));
            case "LineString" -> line(c);
            case "MultiLineString" -> FACTORY.createMultiLineString(each(c).stream().map(GeoJsonFormat::line)
                    .toArray(LineString[]::new));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> FACTORY.createMultiPolygon(each(c).stream().map(GeoJsonFormat::polygon)
                    .toArray(Polygon[]::new));
            default -> throw new IllegalArgumentException(type.isEmpty() ? "?" : type);
        };
    }

    private static List<JsonNode> each(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("coordinates");
        }
        var list = new ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }

    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("coordinates");
        }
        return new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
    }

    private static Coordinate[] coordinates(JsonNode positions) {
        return each(positions).stream().map(GeoJsonFormat::coordinate).toArray(Coordinate[]::new);
    }

    private static LineString line(JsonNode positions) {
        var cs = coordinates(positions);
        if (cs.length < 2) {
            throw new IllegalArgumentException("coordinates");
        }
        return FACTORY.createLineString(cs);
    }

    private static Polygon polygon(JsonNode rings) {
        var all = each(rings).stream().map(GeoJsonFormat::ring).toList();
        return FACTORY.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode positions) {
        var cs = coordinates(positions);
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("ring");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return String.valueOf(node.doubleValue());
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    /** One component as a GeoJSON Feature (a map that Jackson writes). */
    static Map<String, Object> feature(Component c) {
        var props = new LinkedHashMap<String, Object>();
        props.put("id", c.id());
        props.put("classCode", c.classCode());
        props.put("name", c.name());
        props.put("description", c.description());
        props.put("state", c.state().name());
        props.put("lon", c.lon());
        props.put("lat", c.lat());
        props.put("ownerDepartmentCode", c.ownerDepartmentCode());
        props.put("maintainerDepartmentCode", c.maintainerDepartmentCode());
        props.put("gridCode", c.gridCode());
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("properties", props);
        feature.put("geometry", c.shape() == null ? Map.of("type", "Point", "coordinates", List.of(c.lon(), c.lat()))
                : write(read(c.shape())));
        return feature;
    }

    /** The line or polygon of a component as a GeoJSON geometry, or null for a point component. */
    static Map<String, Object> shape(Component c) {
        return c.shape() == null ? null : write(read(c.shape()));
    }

    private static Geometry read(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("stored shape is not WKT", e);
        }
    }

    private static Map<String, Object> write(Geometry g) {
        return switch (g) {
            case LineString l -> Map.of("type", "LineString", "coordinates", positions(l.getCoordinates()));
            case Polygon p -> Map.of("type", "Polygon", "coordinates", rings(p));
            case org.locationtech.jts.geom.MultiLineString m -> Map.of("type", "MultiLineString", "coordinates",
                    parts(m).stream().map(x -> positions(x.getCoordinates())).toList());
            case org.locationtech.jts.geom.MultiPolygon m -> Map.of("type", "MultiPolygon", "coordinates",
                    parts(m).stream().map(x -> rings((Polygon) x)).toList());
            default -> throw new IllegalStateException("unexpected stored shape " + g.getGeometryType());
        };
    }

    private static List<Geometry> parts(Geometry g) {
        var list = new ArrayList<Geometry>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            list.add(g.getGeometryN(i));
        }
        return list;
    }

    private static List<List<List<Double>>> rings(Polygon p) {
        var rings = new ArrayList<List<List<Double>>>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<List<Double>> positions(Coordinate[] cs) {
        var list = new ArrayList<List<Double>>(cs.length);
        for (var c : cs) {
            list.add(List.of(c.x, c.y));
        }
        return list;
    }
}
