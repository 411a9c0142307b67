package org.citygrid.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.citygrid.cases.Case;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.springframework.context.MessageSource;

/**
 * A case as a GeoReport {@code request} (open311.md §1.3 (5)). The v2 fields carry nothing internal: the status is
 * open or closed, no department, no deadline, no reporter. With {@code extensions=true} the request adds
 * {@code extended_attributes} (case number, channel, kind, {@code status_detail} and its label, department, handling
 * deadline, the parent of a merged duplicate) and {@code notes}: the timeline's steps (time, action, state reached),
 * without the people who acted or their free-text notes.
 */
final class RequestViews {

    private final Services services;
    private final Catalog catalog;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Locale locale;

    RequestViews(Services services, Catalog catalog, MessageSource messages, ZoneId zone, Locale locale) {
        this.services = services;
        this.catalog = catalog;
        this.messages = messages;
        this.zone = zone;
        this.locale = locale;
    }

    Doc.Obj request(Case c, ServiceRequests.Extra extra, boolean extensions) {
        var cls = catalog.find(c.kind(), c.classCode())
                .or(() -> catalog.find(ClassKind.MATTER, c.classCode()));
        var o = new Doc.Obj()
                .put("service_request_id", String.valueOf(c.id().value()))
                .put("status", c.status().isOpen() ? "open" : "closed")
                .put("status_notes", null)
                .put("service_name", cls.map(k -> services.name(k, locale)).orElse(c.classCode()))
                .put("service_code", c.classCode())
                .put("description", c.description())
                .put("agency_responsible", extensions ? c.departmentCode() : null)
                .put("service_notice", null)
                .put("requested_datetime", date(c.reportedAt()))
                .put("updated_datetime", date(c.status().isOpen() || c.closedAt() == null ? c.updatedAt()
                        : c.closedAt()))
                .put("expected_datetime", extensions ? c.handleDeadline().map(this::date).orElse(null) : null)
                .put("address", c.address())
                .put("address_id", extra == null ? null : extra.addressId())
                .put("zipcode", null)
                .put("lat", c.lat())
                .put("long", c.lon())
                .put("media_url", extra == null ? null : extra.mediaUrl());
        if (extensions) {
            o.put("extended_attributes", extended(c));
            o.put("notes", new Doc.Items("note", c.timeline().stream().map(this::note).toList()));
        }
        return o;
    }

    private Doc.Obj extended(Case c) {
        return new Doc.Obj()
                .put("case_no", c.caseNo())
                .put("channel", c.channel().name())
                .put("kind", c.kind().name())
                .put("status_detail", c.status().name())
                .put("status_label", messages.getMessage(c.status(), locale))
                .put("department", c.departmentCode())
                .put("deadline", c.handleDeadline().map(this::date).orElse(null))
                .put("grid_code", c.gridCode())
                .put("parent_service_request_id", c.parent().map(p -> String.valueOf(p.value())).orElse(null));
    }

    private Doc.Obj note(TimelineEntry e) {
        return new Doc.Obj()
                .put("datetime", date(e.occurredAt()))
                .put("type", e.action().wireName())
                .put("status", e.toStatus().name())
                .put("summary", messages.getMessage(e.toStatus(), locale));
    }

    /** W3C-DTF with the jurisdiction's offset, to the second. */
    String date(Instant t) {
        return t == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                        .toOffsetDateTime());
    }

    static Doc requests(List<Doc.Obj> requests) {
        return new Doc("service_requests", new Doc.Items("request", requests));
    }

}
