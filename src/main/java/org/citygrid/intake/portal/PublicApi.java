package org.citygrid.intake.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's read side as JSON, public and rate-limited ({@link PortalThrottle}): the public map as GeoJSON and
 * the public timeline of a tracking code. Reports are made through the form (it carries the spam defences).
 */
@RestController
@RequestMapping(path = "/api/v1/public", produces = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
@Tag(name = "public", description = "Public portal: the public map and tracking by code (no sign-in, rate-limited)")
class PublicApi {

    private final PublicPortal portal;
    private final MessageSource messages;
    private final Clock clock;

    PublicApi(PublicPortal portal, MessageSource messages, Clock clock) {
        this.portal = portal;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/map")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Open problems and those closed in the last 30 days: coarse point (~100 m), class, state")
    Map<String, Object> map() {
        var locale = LocaleContextHolder.getLocale();
        var english = "en".equals(locale.getLanguage());
        var features = portal.map().stream().map(p -> {
            var props = new LinkedHashMap<String, Object>();
            props.put("classCode", p.cls().code());
            props.put("className", PortalPages.label(p.cls(), english));
            props.put("status", p.status().isOpen() ? "open" : "closed");
            props.put("statusLabel", messages.getMessage("portal.status." + p.status().name(), null,
                    p.status().name(), locale));
            return Map.of("type", "Feature", "geometry", Map.of("type", "Point",
                    "coordinates", List.of(p.lon(), p.lat())), "properties", props);
        }).toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping("/track/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The public timeline of a tracking code: class, state, times and steps (no names, no notes)")
    Map<String, Object> track(@PathVariable String code) {
        var t = portal.track(code);
        var locale = LocaleContextHolder.getLocale();
        var english = "en".equals(locale.getLanguage());
        var body = new LinkedHashMap<String, Object>();
        body.put("code", t.displayCode());
        body.put("className", t.cls() == null ? null : PortalPages.label(t.cls(), english));
        body.put("status", t.status().isOpen() ? "open" : "closed");
        body.put("statusLabel", label("portal.status." + t.status().name(), locale));
        body.put("merged", t.merged());
        body.put("reportedAt", time(t.reportedAt()));
        body.put("closedAt", t.closedAt() == null ? null : time(t.closedAt()));
        body.put("steps", t.steps().stream().map(s -> Map.of("at", time(s.at()), "step", s.action().wireName(),
                "label", label("portal.step." + s.action().wireName(), locale),
                "statusLabel", label("portal.status." + s.status().name(), locale))).toList());
        body.put("mayRate", t.mayRate());
        body.put("rating", t.rating().map(r -> r.rating().name()).orElse(null));
        return body;
    }

    private String label(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private OffsetDateTime time(Instant at) {
        return at.atZone(clock.getZone()).toOffsetDateTime();
    }
}
