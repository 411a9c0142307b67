package org.citygrid.geo.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.internal.Division;
import org.citygrid.geo.internal.Divisions;
import org.citygrid.platform.DomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Division boundaries as GeoJSON for the map: {@code GET /api/v1/geo/divisions} lists divisions without geometry,
 * this returns the ones that have a boundary, with the same filters, as a FeatureCollection (WGS84).
 */
@RestController
@RequestMapping("/api/v1/geo/divisions/geojson")
@Tag(name = "geo", description = "Divisions, unit grids, point lookup")
class DivisionMapApi {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");
    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Divisions divisions;

    DivisionMapApi(Divisions divisions) {
        this.divisions = divisions;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Division boundaries (under a parent and/or of a level) as a GeoJSON FeatureCollection")
    ResponseEntity<Map<String, Object>> boundaries(@RequestParam(required = false) String parent,
                                                   @RequestParam(required = false) DivisionLevel level) {
        if (parent != null && !CODE.matcher(parent).matches()) {
            throw new DomainException.BadRequest("parent", "geo.map.parent.invalid", parent);
        }
        var features = divisions.list(parent, level).stream().filter(Division::hasBoundary)
                .map(DivisionMapApi::feature).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "FeatureCollection");
        body.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    private static Map<String, Object> feature(Division d) {
        var props = new LinkedHashMap<String, Object>();
        props.put("code", d.code());
        props.put("name", d.name());
        props.put("level", d.level());
        props.put("parentCode", d.parentCode());
        props.put("synthetic", d.synthetic());
        props.put("areaM2", d.areaM2());
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("properties", props);
        feature.put("geometry", geometry(d.geometry()));
        return feature;
    }

    /** A Polygon or MultiPolygon as a GeoJSON geometry object. */
    static Map<String, Object> geometry(Geometry g) {
        var map = new LinkedHashMap<String, Object>();
        if (g instanceof Polygon p) {
            map.put("type", "Polygon");
            map.put("coordinates", rings(p));
            return map;
        }
        var polygons = new ArrayList<Object>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                polygons.add(rings(p));
            }
        }
        map.put("type", "MultiPolygon");
        map.put("coordinates", polygons);
        return map;
    }

    private static List<Object> rings(Polygon p) {
        var rings = new ArrayList<Object>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<double[]> positions(Coordinate[] coordinates) {
        var list = new ArrayList<double[]>(coordinates.length);
        for (var c : coordinates) {
            // 1e-6 degrees is about 0.1 m: plenty for drawing, and it keeps the document small
            list.add(new double[] {Math.round(c.x * 1e6) / 1e6, Math.round(c.y * 1e6) / 1e6});
        }
        return list;
    }
}
