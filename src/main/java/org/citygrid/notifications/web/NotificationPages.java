package org.citygrid.notifications.web;

import java.util.Locale;

import org.citygrid.notifications.Notifications;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications page (newest first, with links to the cases) and the header bell, which htmx reloads every
 * 45 s from {@code /notifications/bell}.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize(NotificationsApi.ANY_ROLE)
class NotificationPages {

    private final Notifications notifications;
    private final NotificationViews views;

    NotificationPages(Notifications notifications, NotificationViews views) {
        this.notifications = notifications;
        this.views = views;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
                @RequestParam(required = false) Integer page, Locale locale, Model model) {
        var result = notifications.list(user.username(), unread, Paging.of(page, 50)).map(n -> views.view(n, locale));
        model.addAttribute("page", result);
        model.addAttribute("unread", unread);
        return "notifications/list";
    }

    @GetMapping("/bell")
    String bell() {
        return "notifications/bell :: bell";
    }

    @PostMapping("/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var n = notifications.markRead(id, user.username());
        return n.caseId() == null ? "redirect:/notifications" : "redirect:/cases/" + n.caseId();
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user.username());
        return "redirect:/notifications";
    }
}
