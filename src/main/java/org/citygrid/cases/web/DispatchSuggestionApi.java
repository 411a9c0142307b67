package org.citygrid.cases.web;

import org.citygrid.cases.Cases;
import org.citygrid.cases.DispatchSuggestion;
import org.citygrid.cases.Routing;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 派遣建议 over HTTP: for the command centre's roles (those who file, dispatch and oversee), of a case they may see.
 * Department staff and supervisors get 403: the choice of department is not theirs.
 */
@RestController
@Tag(name = "cases")
class DispatchSuggestionApi {

    private final Cases cases;
    private final Routing routing;

    DispatchSuggestionApi(Cases cases, Routing routing) {
        this.cases = cases;
        this.routing = routing;
    }

    @GetMapping("/api/v1/cases/{id}/dispatch-suggestion")
    @PreAuthorize("hasAnyRole('DISPATCHER','SHIFT_LEAD','OPERATOR','LEADER','ADMIN')")
    @Operation(summary = "The suggested department with its source and reason, and the alternatives")
    DispatchSuggestion suggestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var c = cases.get(id, CasesApi.actor(user));
        return routing.suggest(c, LocaleContextHolder.getLocale());
    }
}
