package org.citygrid.cases.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citygrid.cases.internal.routing.RoutingRule;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.catalog.ClassKind;
import org.citygrid.platform.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The administrator's routing rules (派遣规则): class × region → department, with priority and auto-dispatch. */
@RestController
@RequestMapping("/api/v1/routing/rules")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "routing", description = "Dispatch rules: class × region → department, priority, auto-dispatch")
class RoutingRulesApi {

    private final RoutingRules rules;

    RoutingRulesApi(RoutingRules rules) {
        this.rules = rules;
    }

    record RuleView(long id, ClassKind kind, String classCode, String regionCode, String departmentCode, int priority,
                    boolean autoDispatch, boolean enabled, int version) {

        static RuleView of(RoutingRule r) {
            return new RuleView(r.id(), r.kind(), r.classCode(), r.regionCode(), r.departmentCode(), r.priority(),
                    r.autoDispatch(), r.enabled(), r.version());
        }
    }

    /** A rule as sent; {@code version} is needed to change one. {@code enabled} defaults to true. */
    record RuleRequest(
            Integer version,
            ClassKind kind,
            @Pattern(regexp = "\\d{2}|\\d{5}") String classCode,
            @Size(max = 32) @Pattern(regexp = "\\d{6,32}")
            String regionCode,
            @NotBlank @Size(max = 32) String departmentCode,
            @NotNull @Min(0) @Max(RoutingRules.MAX_PRIORITY) Integer priority,
            @NotNull Boolean autoDispatch,
            Boolean enabled) {

        RoutingRule.Settings settings() {
            return new RoutingRule.Settings(kind, classCode, regionCode, departmentCode, priority, autoDispatch,
                    enabled == null || enabled);
        }
    }

    @GetMapping
    @Operation(summary = "All rules, by id (ADMIN)")
    List<RuleView> list() {
        return rules.list().stream().map(RuleView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rule (ADMIN); 404 for an unknown id")
    RuleView one(@PathVariable long id) {
        return RuleView.of(rules.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a rule (ADMIN); 422 for an unknown class, region or department")
    ResponseEntity<RuleView> create(@Valid @RequestBody RuleRequest r) {
        var created = rules.create(r.settings());
        return ResponseEntity.created(URI.create("/api/v1/routing/rules/" + created.id())).body(RuleView.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule (ADMIN) at the version read; a stale version is 409")
    RuleView change(@PathVariable long id, @Valid @RequestBody RuleRequest r) {
        if (r.version() == null) {
            throw new DomainException.Invalid("version", "cases.field.required", "version");
        }
        return RuleView.of(rules.change(id, r.version(), r.settings()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a rule (ADMIN) at the version read; a stale version is 409")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version) {
        rules.delete(id, version);
        return ResponseEntity.noContent().build();
    }
}
