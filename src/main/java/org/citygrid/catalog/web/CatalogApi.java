package org.citygrid.catalog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.HandleLimitSource;
import org.citygrid.catalog.internal.CaseClass;
import org.citygrid.catalog.internal.CatalogAdministration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The classification with its handling limits. Everyone signed in may read it; administrators change limits and
 * settings. A code of majors 01–05 names both a component and its mirror matter “X异常”: then {@code kind} is needed.
 */
@RestController
@RequestMapping("/api/v1/catalog/classes")
@Tag(name = "catalog", description = "Case classes (GB/T 47678.5-2026), handling limits and settings")
class CatalogApi {

    private static final String KIND_HELP = "COMPONENT or MATTER; required when the code names both";

    private final Catalog catalog;
    private final CatalogAdministration administration;

    CatalogApi(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    record ClassView(String code, ClassKind kind, String majorCode, String majorName, String name, String nameEn,
                     HandleLimit handleLimit, HandleLimitSource handleLimitSource, String handleLimitBasis,
                     String defaultDepartmentCode, boolean urgent, int duplicateRadiusMeters, String filingCriteria,
                     String closingCriteria, List<String> legacyCodes, int version) {
        static ClassView of(CatalogClass c) {
            return new ClassView(c.code(), c.kind(), c.majorCode(), c.majorName(), c.name(), c.nameEn(),
                    c.handleLimit(), c.handleLimitSource(), c.handleLimitBasis(), c.defaultDepartmentCode(),
                    c.urgent(), c.duplicateRadiusMeters(), c.filingCriteria(), c.closingCriteria(), c.legacyCodes(),
                    c.version());
        }
    }

    record HandleLimitRequest(
            @NotNull @Min(HandleLimit.MIN_AMOUNT) @Max(HandleLimit.MAX_AMOUNT) Integer amount,
            @NotNull TimeUnit unit,
            Integer version) {
    }

    record SettingsRequest(
            @NotNull Integer version,
            @Size(max = 32) String defaultDepartmentCode,
            @NotNull Boolean urgent,
            @Size(max = CaseClass.MAX_CRITERIA_LENGTH) String filingCriteria,
            @Size(max = CaseClass.MAX_CRITERIA_LENGTH) String closingCriteria,
            @NotNull @Min(1) @Max(CaseClass.MAX_DUPLICATE_RADIUS) Integer duplicateRadiusMeters) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "All classes, optionally of one kind and matching a text (Chinese or English name, code "
            + "prefix); the whole list, not paged (about 400 classes)")
    List<ClassView> classes(@RequestParam(required = false) ClassKind kind,
                            @Parameter(description = "name text or code prefix") @RequestParam(required = false)
                            String q) {
        return catalog.search(kind, q).stream().map(ClassView::of).toList();
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One class; 404 for an unknown code, 400 for an ambiguous code without kind")
    ClassView one(@PathVariable String code,
                  @Parameter(description = KIND_HELP) @RequestParam(required = false) ClassKind kind) {
        return ClassView.of(catalog.resolve(kind, code));
    }

    @PutMapping("/{code}/handle-limit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set the handling limit (ADMIN): amount 1..10000 of a time unit; a stale version gives 409")
    ClassView changeHandleLimit(@PathVariable String code,
                                @Parameter(description = KIND_HELP) @RequestParam(required = false) ClassKind kind,
                                @Valid @RequestBody HandleLimitRequest r) {
        var target = catalog.resolve(kind, code);
        return ClassView.of(administration.changeHandleLimit(target.kind(), target.code(),
                new HandleLimit(r.amount(), r.unit()), r.version()));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the settings of a class (ADMIN): default department, urgency, criteria, duplicate "
            + "radius; an unknown department gives 422, a stale version 409")
    ClassView changeSettings(@PathVariable String code,
                             @Parameter(description = KIND_HELP) @RequestParam(required = false) ClassKind kind,
                             @Valid @RequestBody SettingsRequest r) {
        var target = catalog.resolve(kind, code);
        return ClassView.of(administration.changeSettings(target.kind(), target.code(),
                new CatalogAdministration.Settings(r.defaultDepartmentCode(), r.urgent(), r.filingCriteria(),
                        r.closingCriteria(), r.duplicateRadiusMeters()), r.version()));
    }
}
