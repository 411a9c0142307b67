package org.citygrid.evaluation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.citygrid.evaluation.internal.AppealStore;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.evaluation.internal.Settings;
import org.citygrid.evaluation.internal.SettingsStore;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 综合评价 over HTTP: the four ranking tables (JSON, CSV, XLSX), the drill-down behind any count, the settings and
 * the timeout appeals. Reports are read by leaders, administrators, shift leads and dispatchers (the command centre
 * watches its own performance); see docs/EVALUATION.md.
 */
@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "evaluation", description = "Comprehensive evaluation: figures, scores, grades, drill-down, appeals")
class EvaluationApi {

    static final String READERS = "hasAnyRole('LEADER','ADMIN','SHIFT_LEAD','DISPATCHER')";

    private final Evaluator evaluator;
    private final ReportFiles files;
    private final SettingsStore settings;
    private final AppealStore appeals;

    EvaluationApi(Evaluator evaluator, ReportFiles files, SettingsStore settings, AppealStore appeals) {
        this.evaluator = evaluator;
        this.files = files;
        this.settings = settings;
        this.appeals = appeals;
    }

    @GetMapping("/departments")
    @PreAuthorize(READERS)
    ResponseEntity<?> departments(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String format) {
        return respond(Report.Subject.DEPARTMENTS, null, from, to, asOf, format);
    }

    @GetMapping("/supervisors")
    @PreAuthorize(READERS)
    ResponseEntity<?> supervisors(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String format) {
        return respond(Report.Subject.SUPERVISORS, null, from, to, asOf, format);
    }

    @GetMapping("/positions")
    @PreAuthorize(READERS)
    ResponseEntity<?> positions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String role,
                                @RequestParam(required = false) String format) {
        return respond(Report.Subject.POSITIONS, Evaluator.role(role).name(), from, to, asOf, format);
    }

    @GetMapping("/regions")
    @PreAuthorize(READERS)
    ResponseEntity<?> regions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String level,
                              @RequestParam(required = false) String format) {
        return respond(Report.Subject.REGIONS, Evaluator.level(level), from, to, asOf, format);
    }

    private ResponseEntity<?> respond(Report.Subject subject, String variant, LocalDate from, LocalDate to,
                                      String asOf, String format) {
        var f = format == null || format.isBlank() ? "json" : format;
        if (!List.of("json", "csv", "xlsx").contains(f)) {
            throw new DomainException.BadRequest("format", "evaluation.format.invalid", format);
        }
        var report = evaluator.evaluate(subject, variant, from, to, ReportViews.instant(asOf));
        return f.equals("json") ? ResponseEntity.ok(ReportViews.of(report)) : files.file(report, f);
    }

    record DrillView(String subject, String figure, LocalDate from, LocalDate to, Instant asOf, long count,
                     List<Report.Item> items) {
    }

    /** The cases or assignments behind one count; the count is the figure's value in the report. */
    @GetMapping("/drill")
    @PreAuthorize(READERS)
    DrillView drill(@RequestParam String subject, @RequestParam String figure,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) String asOf) {
        var drill = Drill.parse(subject);
        var report = evaluator.evaluate(drill.subject(), drill.variant(), from, to, ReportViews.instant(asOf));
        var items = drill.items(report, figure);
        return new DrillView(subject, figure, report.from(), report.to(), report.asOf(),
                items.stream().filter(i -> !i.excluded()).count(), items);
    }

    // ------------------------------------------------------------------------------------------- settings

    @GetMapping("/settings")
    @PreAuthorize(READERS)
    Map<String, String> settings() {
        return settings.current().values();
    }

    /** Changes some settings (all checked before any is saved): 422 naming a bad one. */
    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> updateSettings(@AuthenticationPrincipal CurrentUser user,
                                       @RequestBody Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new DomainException.BadRequest("settings", "evaluation.settings.empty");
        }
        return settings.update(changes, user.username()).values();
    }

    @DeleteMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> resetSettings() {
        return settings.reset().values();
    }

    @GetMapping("/settings/defaults")
    @PreAuthorize(READERS)
    Map<String, String> defaults() {
        return Settings.DEFAULTS;
    }

    // ------------------------------------------------------------------------------------------- appeals

    record AppealRequest(@NotNull Long caseId, @NotNull @Min(1) Integer assignmentNo,
                         @NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Integer version, @Size(max = 2000) String note) {
    }

    @PostMapping("/appeals")
    @PreAuthorize("hasRole('DEPT_HANDLER')")
    ResponseEntity<AppealStore.Appeal> appeal(@AuthenticationPrincipal CurrentUser user,
                                              @Valid @RequestBody AppealRequest in) {
        var appeal = appeals.request(in.caseId(), in.assignmentNo(), in.reason(), user.username(),
                user.departmentCode());
        return ResponseEntity.status(HttpStatus.CREATED).body(appeal);
    }

    /** Department handlers see their department's appeals; leaders and administrators everyone's. */
    @GetMapping("/appeals")
    @PreAuthorize("hasAnyRole('DEPT_HANDLER','LEADER','ADMIN')")
    List<AppealStore.Appeal> appeals(@AuthenticationPrincipal CurrentUser user) {
        boolean all = user.hasRole("LEADER") || user.hasRole("ADMIN");
        return appeals.list(all ? null : required(user.departmentCode()), 500);
    }

    @PostMapping("/appeals/{id}/approve")
    @PreAuthorize("hasRole('LEADER')")
    AppealStore.Appeal approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @Valid @RequestBody DecisionRequest in) {
        return appeals.decide(id, AppealStore.Decision.APPROVED, in.note(), in.version(), user.username());
    }

    @PostMapping("/appeals/{id}/deny")
    @PreAuthorize("hasRole('LEADER')")
    AppealStore.Appeal deny(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @Valid @RequestBody DecisionRequest in) {
        return appeals.decide(id, AppealStore.Decision.DENIED, in.note(), in.version(), user.username());
    }

    private static String required(String department) {
        if (department == null) {
            throw new DomainException.Forbidden("evaluation.appeal.no-department");
        }
        return department;
    }
}
