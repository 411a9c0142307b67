package org.citygrid.geo.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.internal.Division;
import org.citygrid.geo.internal.Divisions;
import org.citygrid.geo.internal.GeoJsonGeometry;
import org.citygrid.platform.DomainException;
import org.locationtech.jts.geom.Geometry;
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
    // public: administrative boundaries are published information, and the public portal's maps draw them
    @PreAuthorize("permitAll()")
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
        feature.put("geometry", GeoJsonGeometry.write(d.geometry(), true));
        return feature;
    }
}
