package org.citygrid.notifications.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.citygrid.notifications.Notification;
import org.citygrid.notifications.NotificationKind;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** A notification as the API and the page show it: its texts rendered in the reader's language. */
@Component
class NotificationViews {

    record NotificationView(long id, NotificationKind kind, String title, String message, Long caseId, String caseNo,
                            String caseUrl, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    private final MessageSource messages;
    private final Clock clock;

    NotificationViews(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    NotificationView view(Notification n, Locale locale) {
        var args = n.arguments().stream().map(a -> a.startsWith("#")
                ? new DefaultMessageSourceResolvable(new String[] {a.substring(1)}, a.substring(1)) : a).toArray();
        return new NotificationView(n.id(), n.kind(), messages.getMessage(n.kind().titleKey(), null, locale),
                messages.getMessage(n.messageKey(), args, locale), n.caseId(), n.caseNo(),
                n.caseId() == null ? null : "/cases/" + n.caseId(), time(n.createdAt()), time(n.readAt()));
    }

    private OffsetDateTime time(Instant t) {
        return t == null ? null : t.atZone(clock.getZone()).toOffsetDateTime();
    }
}
