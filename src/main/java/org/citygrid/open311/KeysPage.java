package org.citygrid.open311;

import java.util.HashMap;
import java.util.Map;

import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of Open311 keys: issue one (shown once, after the redirect), list, revoke. */
@Controller
@RequestMapping("/admin/open311/keys")
@PreAuthorize("hasRole('ADMIN')")
class KeysPage {

    private final ApiKeys keys;
    private final MessageSource messages;

    KeysPage(ApiKeys keys, MessageSource messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        // plain maps: the page's expressions cannot call methods of this package's non-public records
        model.addAttribute("keys", keys.list().stream().map(KeysPage::row).toList());
        model.addAttribute("base", Open311Security.BASE);
        return "admin/open311-keys";
    }

    private static Map<String, Object> row(ApiKeys.Key k) {
        var row = new HashMap<String, Object>();
        row.put("id", k.id());
        row.put("name", k.name());
        row.put("createdAt", k.createdAt());
        row.put("createdBy", k.createdBy());
        row.put("revokedAt", k.revokedAt());
        row.put("revokedBy", k.revokedBy());
        row.put("active", k.active());
        return row;
    }

    @PostMapping
    String issue(@RequestParam(required = false) String name, @AuthenticationPrincipal CurrentUser me,
                 RedirectAttributes redirect) {
        try {
            var issued = keys.issue(name, me.username());
            redirect.addFlashAttribute("issued", Map.of("name", issued.name(), "apiKey", issued.apiKey()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/open311/keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        try {
            var key = keys.revoke(id, me.username());
            redirect.addFlashAttribute("revoked", key.name());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/open311/keys";
    }
}
