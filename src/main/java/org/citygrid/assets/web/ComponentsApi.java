package org.citygrid.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.citygrid.assets.internal.AssetsSettings;
import org.citygrid.assets.internal.Component;
import org.citygrid.assets.internal.ComponentFilter;
import org.citygrid.assets.internal.ComponentState;
import org.citygrid.assets.internal.ImportProblem;
import org.citygrid.assets.internal.ImportRejected;
import org.citygrid.assets.internal.Inventory;
import org.citygrid.geo.Crs;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.citygrid.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The component inventory over HTTP. Every staff role reads; only ADMIN changes (state, imports). Imports are all or
 * nothing: a 422 problem lists each bad row by CSV line or GeoJSON feature index, and nothing is written.
 */
@RestController
@RequestMapping("/api/v1/assets/components")
@Tag(name = "assets", description = "Component inventory (部件): list, nearest, state, import/export, map clusters")
class ComponentsApi {

    static final String STAFF = "hasAnyRole('SUPERVISOR','OPERATOR','SHIFT_LEAD','DISPATCHER','DEPT_HANDLER',"
            + "'LEADER','ADMIN')";
    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";
    static final int MAX_RADIUS = 2000;
    static final int MAX_NEAREST = 100;

    private final Inventory inventory;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Problems problems;
    private final AssetsSettings settings;

    ComponentsApi(Inventory inventory, OrgDirectory org, MessageSource messages, Problems problems,
                  AssetsSettings settings) {
        this.inventory = inventory;
        this.org = org;
        this.messages = messages;
        this.problems = problems;
        this.settings = settings;
    }

    record ComponentView(String id, String classCode, String className, String name, String description,
                         ComponentState state, String stateLabel, double lon, double lat,
                         Map<String, Object> geometry, String gridCode, String ownerDepartmentCode,
                         String ownerDepartmentName, String maintainerDepartmentCode,
                         String maintainerDepartmentName, boolean synthetic, Instant changedAt, int version,
                         Double distanceMeters) {
    }

    record StateChange(@NotNull ComponentState state, @NotNull Integer version) {
    }

    record ClusterView(double lon, double lat, long count, long synthetic) {
    }

    record Clusters(int zoom, double cellDegrees, long total, List<ClusterView> clusters) {
    }

    /** Thrown when an import body is larger than {@code citygrid.assets.max-import-size}. */
    static final class ImportTooLarge extends RuntimeException {
        ImportTooLarge() {
            super("import body too large");
        }
    }

    @GetMapping
    @PreAuthorize(STAFF)
    @Operation(summary = "Components, filtered by class, state, grid and window (bbox=minLon,minLat,maxLon,maxLat), "
            + "paged, by identifier")
    PageResult<ComponentView> list(@RequestParam(required = false) String classCode,
                                   @RequestParam(required = false) ComponentState state,
                                   @RequestParam(required = false) String gridCode,
                                   @RequestParam(required = false) String bbox,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        var views = new Views();
        return inventory.list(filter(classCode, state, gridCode, bbox), Paging.of(page, size))
                .map(c -> views.of(c, null));
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    @Operation(summary = "One component by its 17-digit identifier")
    ComponentView get(@PathVariable String id) {
        return new Views().of(inventory.get(id), null);
    }

    @GetMapping("/nearest")
    @PreAuthorize(STAFF)
    @Operation(summary = "Components within radius metres (default 50, at most 2000) of a point, nearest first "
            + "(limit default 10, at most 100); crs WGS84 (default) or GCJ02")
    List<ComponentView> nearest(@RequestParam double lon, @RequestParam double lat,
                                @RequestParam(defaultValue = "50") double radius,
                                @RequestParam(defaultValue = "10") int limit,
                                @RequestParam(defaultValue = "WGS84") Crs crs) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new DomainException.BadRequest("lon", "assets.nearest.lon", lon);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new DomainException.BadRequest("lat", "assets.nearest.lat", lat);
        }
        if (!(radius > 0) || radius > MAX_RADIUS) {
            throw new DomainException.BadRequest("radius", "assets.nearest.radius", radius, MAX_RADIUS);
        }
        if (limit < 1 || limit > MAX_NEAREST) {
            throw new DomainException.BadRequest("limit", "assets.nearest.limit", limit, MAX_NEAREST);
        }
        var p = crs.toWgs84(lon, lat);
        var views = new Views();
        return inventory.nearestComponents(p.lon(), p.lat(), radius, limit).stream()
                .map(c -> views.of(c, Inventory.distanceMeters(p.lon(), p.lat(), c.lon(), c.lat()))).toList();
    }

    @GetMapping("/clusters")
    @PreAuthorize(STAFF)
    @Operation(summary = "Counts of components per map cell of a window, for the map at low zoom; the cell is about "
            + "64 screen pixels at the given zoom (0–22)")
    Clusters clusters(@RequestParam String bbox, @RequestParam int zoom,
                      @RequestParam(required = false) String classCode,
                      @RequestParam(required = false) ComponentState state) {
        if (zoom < 0 || zoom > 22) {
            throw new DomainException.BadRequest("zoom", "assets.clusters.zoom", zoom);
        }
        double cell = 360.0 / (1 << zoom) / 4;
        var list = inventory.clusters(filter(classCode, state, null, bbox), cell).stream()
                .map(c -> new ClusterView(c.lon(), c.lat(), c.count(), c.synthetic())).toList();
        return new Clusters(zoom, cell, list.stream().mapToLong(ClusterView::count).sum(), list);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a component's state (ADMIN); a stale version is a 409")
    ComponentView changeState(@PathVariable String id, @Valid @RequestBody StateChange change) {
        return new Views().of(inventory.changeState(id, change.state(), change.version()), null);
    }

    @PostMapping(path = "/import", consumes = {CSV, GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import components from CSV (text/csv) or a GeoJSON FeatureCollection (application/geo+json "
            + "or application/json), all or nothing; insert or update by id (ADMIN)")
    Inventory.ImportResult importComponents(@RequestParam(defaultValue = "WGS84") Crs crs,
                                            HttpServletRequest request, InputStream body) throws IOException {
        long max = settings.maxImportSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ImportTooLarge();
        }
        var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ImportTooLarge();
        }
        var type = MediaType.parseMediaType(request.getContentType());
        return type.isCompatibleWith(MediaType.parseMediaType(CSV)) ? inventory.importCsv(bytes, crs)
                : inventory.importGeoJson(bytes, crs);
    }

    @GetMapping("/export")
    @PreAuthorize(STAFF)
    @Operation(summary = "All matching components as CSV (format=csv, the import's columns) or GeoJSON "
            + "(format=geojson), streamed in identifier order; the same filters as the list")
    void export(@RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String classCode,
                @RequestParam(required = false) ComponentState state,
                @RequestParam(required = false) String gridCode,
                @RequestParam(required = false) String bbox,
                HttpServletResponse response) throws IOException {
        var filter = filter(classCode, state, gridCode, bbox);
        switch (format) {
            case "csv" -> {
                start(response, CSV + ";charset=UTF-8", "components.csv");
                inventory.exportCsv(filter, response.getOutputStream());
            }
            case "geojson" -> {
                start(response, GEOJSON + ";charset=UTF-8", "components.geojson");
                inventory.exportGeoJson(filter, response.getOutputStream());
            }
            default -> throw new DomainException.BadRequest("format", "assets.export.format", format);
        }
    }

    private static void start(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected e) {
        var problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "assets.import.rejected",
                e.total());
        problem.setProperty("errorCount", e.total());
        problem.setProperty("errors", e.problems().stream().map(this::view).toList());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ImportTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "assets-import-too-large",
                "assets.import.too-large", settings.maxImportSize().toMegabytes());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Map<String, Object> view(ImportProblem p) {
        var map = new LinkedHashMap<String, Object>();
        if (p.line() != null) {
            map.put("line", p.line());
        }
        if (p.feature() != null) {
            map.put("feature", p.feature());
        }
        map.put("field", p.field());
        map.put("message", problems.text(p.messageKey(), p.arguments(), problems.locale(), p.messageKey()));
        return map;
    }

    private static ComponentFilter filter(String classCode, ComponentState state, String gridCode, String bbox) {
        return new ComponentFilter(blank(classCode), state, blank(gridCode), bbox == null ? null : bbox(bbox));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ComponentFilter.BBox bbox(String text) {
        var parts = text.split(",");
        try {
            if (parts.length == 4) {
                var b = new ComponentFilter.BBox(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                if (b.minLon() <= b.maxLon() && b.minLat() <= b.maxLat() && b.minLon() >= -180 && b.maxLon() <= 180
                        && b.minLat() >= -90 && b.maxLat() <= 90) {
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as any other malformed window
        }
        throw new DomainException.BadRequest("bbox", "assets.bbox", text);
    }

    /** Renders components for one response, with class and department names in the caller's language. */
    private final class Views {
        private final Locale locale = problems.locale();
        private final boolean english = "en".equals(locale.getLanguage());
        private final Map<String, String> departments = new HashMap<>();
        private final Map<String, String> classes = new HashMap<>();

        Views() {
            org.departments().forEach(d -> departments.put(d.code(), d.name()));
        }

        ComponentView of(Component c, Double distance) {
            var className = classes.computeIfAbsent(c.classCode(), code -> inventory.componentClass(code)
                    .map(k -> english ? k.nameEn() : k.name()).orElse(code));
            return new ComponentView(c.id(), c.classCode(), className, c.name(), c.description(), c.state(),
                    messages.getMessage(c.state().messageKey(), null, c.state().label(), locale), c.lon(), c.lat(),
                    inventory.shapeGeoJson(c), c.gridCode(), c.ownerDepartmentCode(),
                    departments.get(c.ownerDepartmentCode()), c.maintainerDepartmentCode(),
                    departments.get(c.maintainerDepartmentCode()), c.synthetic(), c.changedAt(), c.version(),
                    distance == null ? null : Math.round(distance * 10) / 10.0);
        }
    }
}
