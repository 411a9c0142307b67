package org.citygrid.geo.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.geo.internal.Division;
import org.citygrid.geo.internal.Divisions;
import org.citygrid.geo.internal.FeatureProblem;
import org.citygrid.geo.internal.GeoSettings;
import org.citygrid.geo.internal.ImportRejected;
import org.citygrid.geo.internal.UnitGrids;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.citygrid.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Divisions, unit grids and the point → grid lookup. Reading is for everyone signed in; changes are for ADMIN. */
@RestController
@RequestMapping("/api/v1/geo")
@Tag(name = "geo", description = "Divisions, unit grids, point lookup")
class GeoApi {

    private final Divisions divisions;
    private final UnitGrids grids;
    private final Locator locator;
    private final Problems problems;
    private final GeoSettings settings;

    GeoApi(Divisions divisions, UnitGrids grids, Locator locator, Problems problems, GeoSettings settings) {
        this.divisions = divisions;
        this.grids = grids;
        this.locator = locator;
        this.problems = problems;
        this.settings = settings;
    }

    record DivisionView(String code, String name, DivisionLevel level, String parentCode, boolean hasBoundary,
                        boolean synthetic, Double areaM2) {
        static DivisionView of(Division d) {
            return new DivisionView(d.code(), d.name(), d.level(), d.parentCode(), d.hasBoundary(), d.synthetic(),
                    d.areaM2());
        }
    }

    record ProblemView(Integer feature, String code, String message) {
    }

    record ImportView(int imported, int updated, List<ProblemView> repaired) {
    }

    record GenerateRequest(@NotBlank @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String parentCode,
                           @Min(10) @Max(5000) Integer cellSizeMeters) {
    }

    record GenerateView(int generated) {
    }

    record GridView(String code, String name, double areaM2, String communityCode, String streetCode,
                    String districtCode) {
        static GridView of(UnitGrids.UnitGrid g) {
            return new GridView(g.code(), g.name(), g.areaM2(), g.communityCode(), g.streetCode(), g.districtCode());
        }
    }

    @GetMapping("/divisions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Divisions under a parent and/or of a level, by code")
    List<DivisionView> divisions(@RequestParam(required = false) String parent,
                                 @RequestParam(required = false) DivisionLevel level) {
        return divisions.list(parent, level).stream().map(DivisionView::of).toList();
    }

    @PostMapping(path = "/divisions/import", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import division boundaries from a GeoJSON FeatureCollection, all or nothing (ADMIN)")
    ImportView importDivisions(@RequestParam(defaultValue = "WGS84") Crs crs, HttpServletRequest request,
                               InputStream body) throws IOException {
        var result = divisions.importGeoJson(ImportTooLarge.read(request, body, settings), crs);
        return new ImportView(result.imported(), result.updated(), result.repaired().stream().map(this::view).toList());
    }

    record GridImportView(int imported, int replaced, int divisions, List<ProblemView> repaired) {
    }

    @PostMapping(path = "/grids/import", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import unit grids from a GeoJSON FeatureCollection, replacing the grids of the divisions "
            + "their codes name; all or nothing (ADMIN)")
    GridImportView importGrids(@RequestParam(defaultValue = "WGS84") Crs crs, HttpServletRequest request,
                               InputStream body) throws IOException {
        var result = grids.importGeoJson(ImportTooLarge.read(request, body, settings), crs);
        return new GridImportView(result.imported(), result.replaced(), result.divisions(),
                result.repaired().stream().map(this::view).toList());
    }

    /** 400 unless lon/lat are finite and within range; shared by locate and reverse. */
    static void checkPoint(double lon, double lat) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new DomainException.BadRequest("lon", "geo.locate.lon.range", lon);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new DomainException.BadRequest("lat", "geo.locate.lat.range", lat);
        }
    }

    @GetMapping("/locate")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The unit grid and division chain of a point; 404 when no grid covers it")
    GridLocation locate(@RequestParam double lon, @RequestParam double lat,
                        @RequestParam(defaultValue = "WGS84") Crs crs) {
        checkPoint(lon, lat);
        return locator.locate(lon, lat, crs)
                .orElseThrow(() -> new DomainException.NotFound("geo.locate.outside", lon, lat, crs));
    }

    @PostMapping("/grids/generate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the unit grids under a division by generated square cells (ADMIN)")
    GenerateView generate(@Valid @RequestBody GenerateRequest r) {
        return new GenerateView(grids.generate(r.parentCode(), r.cellSizeMeters() == null ? 100 : r.cellSizeMeters()));
    }

    @GetMapping("/grids")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Unit grids under a division and/or in a window: paged JSON, or GeoJSON with format=geojson")
    Object grids(@RequestParam(required = false) String parent, @RequestParam(required = false) String bbox,
                 @RequestParam(required = false) String format, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size) {
        var window = bbox == null ? null : bbox(bbox);
        if (format == null || format.equals("json")) {
            PageResult<GridView> result = grids.list(parent, window, Paging.of(page, size)).map(GridView::of);
            return result;
        }
        if (!format.equals("geojson")) {
            throw new DomainException.BadRequest("format", "geo.grids.format", format);
        }
        var features = grids.all(parent, window).stream().map(GeoApi::feature).toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected e) {
        var problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "geo.import.rejected",
                e.problems().size());
        problem.setProperty("errors", e.problems().stream().map(this::view).toList());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ImportTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "geo-import-too-large", "geo.import.too-large",
                settings.maxImportSize().toMegabytes());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemView view(FeatureProblem p) {
        return new ProblemView(p.feature(), p.code(),
                problems.text(p.messageKey(), p.arguments(), problems.locale(), p.messageKey()));
    }

    private static Map<String, Object> feature(UnitGrids.UnitGrid g) {
        var props = new LinkedHashMap<String, Object>();
        props.put("code", g.code());
        props.put("name", g.name());
        props.put("areaM2", g.areaM2());
        props.put("communityCode", g.communityCode());
        props.put("streetCode", g.streetCode());
        props.put("districtCode", g.districtCode());
        return Map.of("type", "Feature", "properties", props, "geometry", g.geoJsonGeometry());
    }

    private static UnitGrids.BBox bbox(String text) {
        var parts = text.split(",");
        try {
            if (parts.length == 4) {
                var b = new UnitGrids.BBox(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                if (b.minLon() <= b.maxLon() && b.minLat() <= b.maxLat() && b.minLon() >= -180 && b.maxLon() <= 180
                        && b.minLat() >= -90 && b.maxLat() <= 90) {
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as any other malformed window
        }
        throw new DomainException.BadRequest("bbox", "geo.grids.bbox", text);
    }
}
