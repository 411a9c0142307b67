package org.citygrid.notifications.web;

import java.util.Map;

import org.citygrid.notifications.Notifications;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in person's own notifications; another person's is a 404. Everyone who holds a role has them. */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize(NotificationsApi.ANY_ROLE)
@Tag(name = "notifications", description = "In-app notifications of the signed-in person")
class NotificationsApi {

    static final String ANY_ROLE = "hasAnyRole('SUPERVISOR','OPERATOR','SHIFT_LEAD','DISPATCHER','DEPT_HANDLER',"
            + "'LEADER','ADMIN')";

    private final Notifications notifications;
    private final NotificationViews views;

    NotificationsApi(Notifications notifications, NotificationViews views) {
        this.notifications = notifications;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Own notifications, newest first; unread=true for the unread ones only")
    PageResult<NotificationViews.NotificationView> list(@AuthenticationPrincipal CurrentUser user,
                                                        @RequestParam(defaultValue = "false") boolean unread,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        var locale = LocaleContextHolder.getLocale();
        return notifications.list(user.username(), unread, Paging.of(page, size)).map(n -> views.view(n, locale));
    }

    @GetMapping("/count")
    @Operation(summary = "How many own notifications are unread")
    Map<String, Long> count(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("unread", notifications.unreadCount(user.username()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one own notification read (404 for another's)")
    NotificationViews.NotificationView read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return views.view(notifications.markRead(id, user.username()), LocaleContextHolder.getLocale());
    }

    @PostMapping("/read-all")
    @Operation(summary = "Marks every own unread notification read")
    Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("marked", notifications.markAllRead(user.username()));
    }
}
