package org.citygrid.cases.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.catalog.Catalog;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page of the web UI: what the API's case view shows, for people. A case the viewer may not see is the
 * same 404 page as one that does not exist.
 */
@Controller
class CasePages {

    /** The actions that need nothing but the version and an optional note: these the page can take itself. */
    static final Set<CaseAction> NOTE_ONLY = EnumSet.of(CaseAction.ACCEPT, CaseAction.RECEIVE,
            CaseAction.APPROVE_RETURN, CaseAction.DENY_RETURN, CaseAction.DENY_EXTENSION, CaseAction.APPROVE_PARK,
            CaseAction.DENY_PARK, CaseAction.RESUME, CaseAction.CLOSE, CaseAction.APPROVE_VOID, CaseAction.DENY_VOID,
            CaseAction.URGE);
    static final int MAX_NOTE = 4000;

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
        model.addAttribute("onPage", view.allowedActions().stream().filter(CasePages::onPage).toList());
        model.addAttribute("className", catalog.find(c.kind(), c.classCode()).map(cls -> cls.name()).orElse(""));
        return "cases/case";
    }

    /** Takes a note-only action from the page's form; refusals come back to the page as a message. */
    @PostMapping("/cases/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam int version,
               @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
               RedirectAttributes redirect) {
        var actor = CasesApi.actor(user);
        var what = CaseAction.fromWireName(action).filter(NOTE_ONLY::contains)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        find(id, actor);
        var text = note == null || note.isBlank() ? null : note.strip();
        var locale = LocaleContextHolder.getLocale();
        try {
            if (text != null && text.length() > MAX_NOTE) {
                throw new DomainException.Invalid("note", "cases.page.note-too-long", MAX_NOTE);
            }
            cases.act(id, what, version, ActionInput.note(text), actor);
            redirect.addFlashAttribute("done", messages.getMessage(what.messageKey(), null, locale));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refused", messages.getMessage("cases.page.changed", null, locale));
        }
        return stillVisible(id, actor) ? "redirect:/cases/" + id : "redirect:/";
    }

    private boolean stillVisible(long id, org.citygrid.cases.Actor actor) {
        try {
            cases.get(id, actor);
            return true;
        } catch (DomainException.NotFound e) {
            return false;
        }
    }

    private static boolean onPage(String wireName) {
        return CaseAction.fromWireName(wireName).filter(NOTE_ONLY::contains).isPresent();
    }

    private org.citygrid.cases.Case find(long id, org.citygrid.cases.Actor actor) {
        try {
            return cases.get(id, actor);
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
