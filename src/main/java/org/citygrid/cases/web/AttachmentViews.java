package org.citygrid.cases.web;

import java.time.OffsetDateTime;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.Attachment;
import org.citygrid.cases.CaseStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Photos as the API and the case page show them: times in the calendar's zone, the state's label, the URLs. */
@Component
class AttachmentViews {

    /** A photo on the wire: {@code id, sha256, contentType, size} (API.md) and what the gallery shows. */
    record AttachmentView(long id, String sha256, String contentType, long size, int width, int height,
                          String fileName, String uploadedBy, OffsetDateTime uploadedAt, CaseStatus caseStatus,
                          String caseStatusLabel, String url, String thumbnailUrl) {
    }

    private final Calendars calendars;
    private final MessageSource messages;

    AttachmentViews(Calendars calendars, MessageSource messages) {
        this.calendars = calendars;
        this.messages = messages;
    }

    AttachmentView view(Attachment a) {
        var status = a.caseStatus();
        var label = messages.getMessage(status.messageKey(), null, status.name(), LocaleContextHolder.getLocale());
        return new AttachmentView(a.id(), a.sha256(), a.contentType(), a.sizeBytes(), a.width(), a.height(),
                a.fileName(), a.uploadedBy(), a.uploadedAt().atZone(calendars.zone()).toOffsetDateTime(), status,
                label, urlOf(a), urlOf(a) + "/thumbnail");
    }

    static String urlOf(Attachment a) {
        return "/api/v1/cases/" + a.caseId() + "/attachments/" + a.id();
    }
}
