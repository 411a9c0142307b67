package org.citygrid.cases.web;

import java.util.List;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.Cases;
import org.citygrid.catalog.Catalog;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page of the web UI: what the API's case view shows, for people. A case the viewer may not see is the
 * same 404 page as one that does not exist.
 */
@Controller
class CasePages {

    private final Cases cases;
    private final Calendars calendars;
    private final Catalog catalog;
    private final MessageSource messages;

    CasePages(Cases cases, Calendars calendars, Catalog catalog, MessageSource messages) {
        this.cases = cases;
        this.calendars = calendars;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        var actor = CasesApi.actor(user);
        var c = find(id, actor);
        var view = new CaseViews.Renderer(cases.now(), calendars.zone(), cases.clocks().calculator(), messages,
                LocaleContextHolder.getLocale(), actor).view(c, List.of());
        model.addAttribute("c", view);
        model.addAttribute("className", catalog.find(c.kind(), c.classCode()).map(cls -> cls.name()).orElse(""));
        return "cases/case";
    }

    private org.citygrid.cases.Case find(long id, org.citygrid.cases.Actor actor) {
        try {
            return cases.get(id, actor);
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
