package org.citygrid.cases.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFilter;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.IdempotentReports;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cases over HTTP: report, read, list, and every action of the loop. Which role may take which action is the
 * aggregate's decision (403 problem), not an annotation here: the same rules hold for a replayed history.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "The closed loop: report, file, dispatch, handle, check, close")
class CasesApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Cases cases;
    private final IdempotentReports idempotentReports;
    private final Calendars calendars;
    private final MessageSource messages;
    private final DeadlineExplainer explainer;

    CasesApi(Cases cases, IdempotentReports idempotentReports, Calendars calendars, MessageSource messages,
             DeadlineExplainer explainer) {
        this.explainer = explainer;
        this.cases = cases;
        this.idempotentReports = idempotentReports;
        this.calendars = calendars;
        this.messages = messages;
    }

    record NewCaseRequest(
            @NotNull Channel channel,
            @NotNull ClassKind kind,
            @NotBlank @Size(max = 16) String classCode,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            Crs crs,
            @Size(max = 500) String address,
            @NotBlank @Size(max = 4000) String description,
            Boolean selfHandled,
            @Size(max = 100) String reporterName,
            @Size(max = 32) String reporterPhone,
            @Size(max = 100) String externalId,
            @Pattern(regexp = "\\d{17}") String componentId) {
    }

    record ActionRequest(
            @NotNull Integer version,
            @Size(max = 4000) String note,
            @Size(max = 32) String departmentCode,
            @Size(max = 64) String supervisor,
            Integer amount,
            TimeUnit unit,
            @Size(max = 1000) String reason,
            Long parentId,
            Boolean passed,
            Boolean urgent,
            List<Long> attachmentIds) {

        ActionInput input() {
            return new ActionInput(note, departmentCode, supervisor, amount, unit, reason, parentId, passed, urgent,
                    attachmentIds);
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','OPERATOR','SHIFT_LEAD')")
    @Operation(summary = "Report a case (422 for an unknown class or a point outside every grid). With an "
            + "Idempotency-Key header, the same key from the same user again gives the first case (200, same body)")
    ResponseEntity<CaseViews.CaseView> report(@AuthenticationPrincipal CurrentUser user,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                              @Valid @RequestBody NewCaseRequest r) {
        var actor = actor(user);
        var report = new Cases.NewCase(r.channel(), r.kind(), r.classCode().strip(), r.lon(), r.lat(),
                r.crs(), r.address(), r.description(), Boolean.TRUE.equals(r.selfHandled()), r.reporterName(),
                r.reporterPhone(), r.externalId(), r.componentId());
        var outcome = key == null ? new IdempotentReports.Outcome(cases.report(report, actor), true)
                : idempotentReports.report(report, key, actor);
        var c = outcome.report();
        var body = renderer(actor).view(c, cases.duplicateCandidates(c));
        return outcome.created() ? ResponseEntity.created(URI.create("/api/v1/cases/" + c.id().value())).body(body)
                : ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A case with its stages, light, timeline and the actions the caller may take now")
    CaseViews.CaseView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var actor = actor(user);
        var c = cases.get(id, actor);
        return renderer(actor).view(c, cases.duplicateCandidates(c));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cases the caller may see, filtered and paged, newest report first")
    PageResult<CaseViews.CaseSummary> list(@AuthenticationPrincipal CurrentUser user,
                                           @RequestParam(required = false) Set<CaseStatus> status,
                                           @RequestParam(required = false) String departmentCode,
                                           @RequestParam(required = false) String gridCode,
                                           @RequestParam(required = false) String streetCode,
                                           @RequestParam(required = false) ClassKind kind,
                                           @RequestParam(required = false) String classCode,
                                           @RequestParam(required = false) Channel channel,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        var actor = actor(user);
        var filter = new CaseFilter(status, departmentCode, gridCode, streetCode, kind, classCode, channel, overdue,
                from, to);
        var renderer = renderer(actor);
        return cases.search(filter, Paging.of(page, size), actor).map(renderer::summary);
    }

    @PostMapping("/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Take an action (403 wrong role, 409 wrong state or stale version, 422 missing field)")
    CaseViews.CaseView act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @PathVariable String action, @Valid @RequestBody ActionRequest r) {
        var actor = actor(user);
        var what = CaseAction.fromWireName(action).filter(a -> a != CaseAction.REPORT)
                .orElseThrow(() -> new DomainException.NotFound("cases.action.unknown", action));
        var c = cases.act(id, what, r.version(), r.input(), actor);
        return renderer(actor).view(c, cases.duplicateCandidates(c));
    }

    private CaseViews.Renderer renderer(Actor actor) {
        return new CaseViews.Renderer(cases.now(), calendars.zone(), cases.clocks().calculator(), messages,
                LocaleContextHolder.getLocale(), actor, explainer);
    }

    static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }
}
