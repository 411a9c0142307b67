package org.citygrid.geo.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citygrid.geo.internal.SupervisionGrid;
import org.citygrid.geo.internal.SupervisionGrids;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Supervision grids (监督网格): everyone signed in may read them; administrators define and assign them. */
@RestController
@RequestMapping("/api/v1/geo/supervision-grids")
@Tag(name = "geo", description = "Divisions, unit grids, point lookup")
class SupervisionGridApi {

    private final SupervisionGrids grids;

    SupervisionGridApi(SupervisionGrids grids) {
        this.grids = grids;
    }

    record SupervisionGridView(String code, String name, String districtCode, Set<String> divisionCodes,
                               String supervisor, boolean synthetic, int version) {
        static SupervisionGridView of(SupervisionGrid g) {
            return new SupervisionGridView(g.code(), g.name(), g.districtCode(), g.divisionCodes(), g.supervisor(),
                    g.synthetic(), g.version());
        }
    }

    record DefinitionRequest(@NotBlank @Size(max = 100) String name,
                             @NotBlank @Pattern(regexp = "\\d{6}") String districtCode,
                             @NotEmpty Set<@Pattern(regexp = "\\d{9}|\\d{12}") String> divisionCodes,
                             @Size(max = 64) String supervisor,
                             Integer version) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "All supervision grids with their streets/communities and supervisor")
    List<SupervisionGridView> list() {
        return grids.list().stream().map(SupervisionGridView::of).toList();
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create (no version) or replace (current version) a supervision grid (ADMIN)")
    SupervisionGridView define(@PathVariable String code, @Valid @RequestBody DefinitionRequest r) {
        return SupervisionGridView.of(grids.define(new SupervisionGrids.Definition(code, r.name(), r.districtCode(),
                r.divisionCodes(), r.supervisor(), r.version()), false));
    }
}
