package org.citygrid.geo.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.geo.Crs;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.Geocoder;
import org.citygrid.geo.Place;
import org.citygrid.geo.internal.AddressImportRejected;
import org.citygrid.geo.internal.AddressPoints;
import org.citygrid.geo.internal.GeoSettings;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 地理编码: address text → candidate places, point → label and division chain, and the import of address points. */
@RestController
@RequestMapping("/api/v1/geo")
@Tag(name = "geo", description = "Divisions, unit grids, point lookup")
class GeocodeApi {

    private final Geocoder geocoder;
    private final AddressPoints addresses;
    private final Problems problems;
    private final GeoSettings settings;

    GeocodeApi(Geocoder geocoder, AddressPoints addresses, Problems problems, GeoSettings settings) {
        this.geocoder = geocoder;
        this.addresses = addresses;
        this.problems = problems;
        this.settings = settings;
    }

    record ImportView(int imported, int updated) {
    }

    record ProblemView(Integer line, Integer feature, String message) {
    }

    @GetMapping("/geocode")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Candidate places for an address text, best first; an empty list when nothing matches")
    List<GeocodeCandidate> geocode(@RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "10") int limit) {
        return geocoder.geocode(q, limit);
    }

    @GetMapping("/reverse")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The label, unit grid and division chain of a point; 404 when no grid covers it")
    Place reverse(@RequestParam double lon, @RequestParam double lat, @RequestParam(defaultValue = "WGS84") Crs crs) {
        GeoApi.checkPoint(lon, lat);
        var p = crs.toWgs84(lon, lat);
        return geocoder.describe(p.lon(), p.lat(), problems.locale())
                .orElseThrow(() -> new DomainException.NotFound("geo.locate.outside", lon, lat, crs));
    }

    @PostMapping(path = "/addresses/import", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import address points (门牌/POI) from CSV or GeoJSON, all or nothing (ADMIN)")
    ImportView importAddresses(@RequestParam(defaultValue = "WGS84") Crs crs, HttpServletRequest request,
                               InputStream body) throws IOException {
        var result = addresses.importFile(ImportTooLarge.read(request, body, settings), crs);
        return new ImportView(result.imported(), result.updated());
    }

    @ExceptionHandler(AddressImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(AddressImportRejected e) {
        var problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "geo.import.rejected",
                e.problems().size());
        problem.setProperty("errors", e.problems().stream().map(p -> new ProblemView(p.line(), p.feature(),
                problems.text(p.messageKey(), p.arguments(), problems.locale(), p.messageKey()))).toList());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ImportTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "geo-import-too-large", "geo.import.too-large",
                settings.maxImportSize().toMegabytes());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
