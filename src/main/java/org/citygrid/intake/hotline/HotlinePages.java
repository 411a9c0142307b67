package org.citygrid.intake.hotline;

import java.util.Locale;

import org.citygrid.cases.Actor;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Paging;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 热线受理台 — the operator's console: the call form with its htmx preview (place, grid, class suggestions, duplicate
 * candidates), the reply script after saving, the call-back queue and the latest call-backs; and the fragment the case
 * page loads to show a case's calls, call-back and links.
 */
@Controller
@RequestMapping("/intake/hotline")
class HotlinePages {

    static final int QUEUE_SIZE = 20;

    private final Hotline hotline;
    private final Catalog catalog;
    private final MessageSource messages;
    private final String tileUrl;

    HotlinePages(Hotline hotline, Catalog catalog, MessageSource messages,
                 @Value("${citygrid.map.tile-url:}") String tileUrl) {
        this.hotline = hotline;
        this.catalog = catalog;
        this.messages = messages;
        this.tileUrl = tileUrl;
    }

    /** The call form as the browser sends it; {@code classRef} is {@code KIND:code}, blanks count as absent. */
    record CallForm(String callerName, String callerPhone, String address, Double lon, Double lat, String classRef,
                    String description, Long existingCaseId) {

        static CallForm empty() {
            return new CallForm(null, null, null, null, null, null, null, null);
        }

        Hotline.CallInput input() {
            ClassKind kind = null;
            String code = null;
            if (classRef != null && classRef.contains(":")) {
                var parts = classRef.split(":", 2);
                kind = "MATTER".equals(parts[0]) ? ClassKind.MATTER : ClassKind.COMPONENT;
                code = parts[1];
            }
            return new Hotline.CallInput(callerName, callerPhone, address, lon, lat, null, kind, code, description,
                    existingCaseId);
        }
    }

    record CallbackForm(Satisfaction satisfaction, String note) {
    }

    @GetMapping
    @PreAuthorize("hasRole('OPERATOR')")
    String console(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CallForm.empty());
        }
        var actor = Actor.of(user);
        var zone = hotline.zone();
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("classes", catalog.list(null));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("pending", hotline.pendingCallbacks(new Paging(0, QUEUE_SIZE), actor)
                .map(c -> HotlineViews.pending(c, actor, zone)));
        model.addAttribute("callbacks", hotline.recentCallbacks(QUEUE_SIZE).stream()
                .map(b -> HotlineViews.callback(b, messages, locale, zone)).toList());
        model.addAttribute("calls", hotline.recentCalls(new Paging(0, QUEUE_SIZE)).items().stream()
                .map(c -> HotlineViews.call(c, actor, zone)).toList());
        model.addAttribute("satisfactions", Satisfaction.values());
        return "intake/hotline";
    }

    /** The htmx preview under the form: what the call would become, before it is saved. */
    @PostMapping("/preview")
    @PreAuthorize("hasRole('OPERATOR')")
    String preview(CallForm form, @AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            var p = hotline.preview(form.input(), Actor.of(user));
            model.addAttribute("p", p);
            model.addAttribute("candidates", p.duplicates().stream()
                    .map(d -> HotlineViews.candidate(d, hotline.zone())).toList());
        } catch (DomainException e) {
            model.addAttribute("refused", text(e));
        }
        return "intake/hotline-preview :: preview";
    }

    @PostMapping("/calls")
    @PreAuthorize("hasRole('OPERATOR')")
    String take(CallForm form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            var taken = hotline.take(form.input(), Actor.of(user));
            var className = catalog.find(taken.aCase().kind(), taken.aCase().classCode()).map(c -> c.name())
                    .orElse(taken.aCase().classCode());
            redirect.addFlashAttribute("taken", HotlineViews.taken(taken,
                    HotlineViews.script(taken, className, messages, locale, hotline.zone()), Actor.of(user),
                    hotline.zone()));
            return "redirect:/intake/hotline";
        } catch (DomainException e) {
            model.addAttribute("form", form);
            model.addAttribute("refused", text(e));
            return console(user, model);
        }
    }

    @PostMapping("/callbacks/{caseId}")
    @PreAuthorize("hasRole('OPERATOR')")
    String callBack(@PathVariable long caseId, CallbackForm form, @AuthenticationPrincipal CurrentUser user,
                    RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            var b = hotline.callBack(caseId, form.satisfaction(), form.note(), Actor.of(user));
            redirect.addFlashAttribute("calledBack", b.reopenedCaseNo() == null
                    ? messages.getMessage("hotline.callback.saved", new Object[] {b.caseNo()}, locale)
                    : messages.getMessage("hotline.callback.reopened", new Object[] {b.caseNo(), b.reopenedCaseNo()},
                    locale));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", text(e));
        }
        return "redirect:/intake/hotline";
    }

    /** The case page's include: the case's calls, its call-back and the case it reopens or was reopened as. */
    @GetMapping("/case/{caseId}/callbacks")
    @PreAuthorize("isAuthenticated()")
    String ofCase(@PathVariable long caseId, @AuthenticationPrincipal CurrentUser user, Model model) {
        var actor = Actor.of(user);
        Hotline.OfCase of;
        try {
            of = hotline.ofCase(caseId, actor);
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var zone = hotline.zone();
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("of", of);
        model.addAttribute("calls", of.calls().stream().map(c -> HotlineViews.call(c, actor, zone)).toList());
        model.addAttribute("callback", of.callback().map(b -> HotlineViews.callback(b, messages, locale, zone))
                .orElse(null));
        model.addAttribute("reopens", of.reopens().map(b -> HotlineViews.callback(b, messages, locale, zone))
                .orElse(null));
        return "intake/hotline-case :: case";
    }

    private String text(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.messageKey(), e.arguments(), locale);
    }
}
