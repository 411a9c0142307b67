package org.citygrid.intake.hotline;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.citygrid.cases.Actor;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The hotline console over HTTP: take calls, classify descriptions, list and record call-backs (回访). */
@RestController
@RequestMapping("/api/v1/hotline")
@Tag(name = "hotline", description = "12345/12319 hotline: calls, class suggestions, call-backs")
class HotlineApi {

    static final String READERS = "hasAnyRole('OPERATOR','SHIFT_LEAD','LEADER','ADMIN')";

    private final Hotline hotline;
    private final MessageSource messages;

    HotlineApi(Hotline hotline, MessageSource messages) {
        this.hotline = hotline;
        this.messages = messages;
    }

    record CallRequest(
            @NotBlank @Size(max = Hotline.MAX_NAME) String callerName,
            @NotBlank @Size(max = 32) String callerPhone,
            @Size(max = Hotline.MAX_ADDRESS) String address,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            Crs crs,
            ClassKind kind,
            @Size(max = 16) String classCode,
            @NotBlank @Size(max = Hotline.MAX_DESCRIPTION) String description,
            Long existingCaseId) {

        Hotline.CallInput input() {
            return new Hotline.CallInput(callerName, callerPhone, address, lon, lat, crs, kind, classCode, description,
                    existingCaseId);
        }
    }

    record CallbackRequest(@NotNull Satisfaction satisfaction, @Size(max = Hotline.MAX_NOTE) String note) {
    }

    @PostMapping("/calls")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Take a call: a new HOTLINE case (caller as reporter), or a note on an open case "
            + "(existingCaseId); the answer carries the reply script")
    ResponseEntity<HotlineViews.TakenView> take(@AuthenticationPrincipal CurrentUser user,
                                                @Valid @RequestBody CallRequest r) {
        var actor = Actor.of(user);
        var taken = hotline.take(r.input(), actor);
        var locale = LocaleContextHolder.getLocale();
        var className = hotline.catalogClass(taken.aCase().kind(), taken.aCase().classCode())
                .map(c -> c.name()).orElse(taken.aCase().classCode());
        var script = HotlineViews.script(taken, className, messages, locale, hotline.zone());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + taken.call().caseId()))
                .body(HotlineViews.taken(taken, script, actor, hotline.zone()));
    }

    @GetMapping("/calls")
    @PreAuthorize(READERS)
    @Operation(summary = "Calls taken, newest first; callers masked except for OPERATOR and ADMIN")
    PageResult<HotlineViews.CallView> calls(@AuthenticationPrincipal CurrentUser user,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        var actor = Actor.of(user);
        return hotline.recentCalls(Paging.of(page, size)).map(c -> HotlineViews.call(c, actor, hotline.zone()));
    }

    @GetMapping("/classify")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD')")
    @Operation(summary = "The three classes a description most probably belongs to, with the words that matched")
    List<HotlineViews.SuggestionView> classify(@RequestParam(required = false) String text) {
        return hotline.classify(text).stream().map(HotlineViews::suggestion).toList();
    }

    @GetMapping("/callbacks")
    @PreAuthorize(READERS)
    @Operation(summary = "Closed hotline cases awaiting their call-back, newest report first; callers masked except "
            + "for OPERATOR and ADMIN")
    PageResult<HotlineViews.PendingView> pending(@AuthenticationPrincipal CurrentUser user,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        var actor = Actor.of(user);
        return hotline.pendingCallbacks(Paging.of(page, size), actor)
                .map(c -> HotlineViews.pending(c, actor, hotline.zone()));
    }

    @PostMapping("/callbacks/{caseId}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Record the call-back of a closed hotline case; UNSATISFIED reopens it as a linked new case "
            + "(409 for a second call-back)")
    ResponseEntity<HotlineViews.CallbackView> callBack(@AuthenticationPrincipal CurrentUser user,
                                                       @PathVariable long caseId,
                                                       @Valid @RequestBody CallbackRequest r) {
        var b = hotline.callBack(caseId, r.satisfaction(), r.note(), Actor.of(user));
        return ResponseEntity.status(201).body(HotlineViews.callback(b, messages, LocaleContextHolder.getLocale(),
                hotline.zone()));
    }
}
