package org.citygrid.intake.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.citygrid.catalog.CatalogClass;
import org.citygrid.cases.CaseStatus;
import org.citygrid.platform.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public portal's pages under {@code /public} (no sign-in; CSRF stays on for the forms): the report form with its
 * map and duplicate hint, the tracking page with the rating form, and the public map. Everything is public on purpose
 * ({@code permitAll()}); abuse is limited by {@link PortalThrottle}, the form stamp and the honeypot.
 */
@Controller
class PortalPages {

    private static final String TOO_LARGE = "portal.photo.too-large";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PublicPortal portal;
    private final MessageSource messages;
    private final Clock clock;
    private final String tileUrl;
    private final String tileAttribution;

    PortalPages(PublicPortal portal, MessageSource messages, Clock clock,
                @Value("${citygrid.map.tile-url:}") String tileUrl,
                @Value("${citygrid.map.tile-attribution:}") String tileAttribution) {
        this.portal = portal;
        this.messages = messages;
        this.clock = clock;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping({"/public", "/public/"})
    @PreAuthorize("permitAll()")
    String home() {
        return "redirect:/public/report";
    }

    @GetMapping("/public/report")
    @PreAuthorize("permitAll()")
    String reportForm(Model model) {
        return form(model, new LinkedHashMap<>(), null, null);
    }

    @PostMapping("/public/report")
    @PreAuthorize("permitAll()")
    String report(@RequestParam Map<String, String> params,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  Model model, HttpServletResponse response) throws IOException {
        var entered = new LinkedHashMap<>(params);
        entered.remove("_csrf");
        entered.remove("stamp");
        try {
            var receipt = portal.report(new PublicPortal.ReportForm(params.get("classRef"), params.get("lon"),
                    params.get("lat"), params.get("address"), params.get("description"), params.get("name"),
                    params.get("phone"), params.get("website"), params.get("stamp"), joinCaseId(params),
                    read(photos)));
            return "redirect:" + UriComponentsBuilder.fromPath("/public/track/{code}")
                    .queryParam(receipt.joined() ? "joined" : "new", "1").buildAndExpand(receipt.code()).toUriString();
        } catch (DomainException e) {
            // a photo above the limit is a 413, as Tomcat answers one above the multipart limit
            response.setStatus(TOO_LARGE.equals(e.messageKey()) ? HttpStatus.CONTENT_TOO_LARGE.value()
                    : status(e).value());
            return form(model, entered, text(e), e instanceof DomainException.Invalid i ? i.field() : null);
        }
    }

    private static Long joinCaseId(Map<String, String> params) {
        var v = params.get("joinCaseId");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("joinCaseId", "portal.join.not-a-candidate");
        }
    }

    private static List<PublicPortal.Photo> read(List<MultipartFile> files) throws IOException {
        var photos = new ArrayList<PublicPortal.Photo>();
        if (files != null) {
            for (var f : files) {
                if (f != null && !f.isEmpty()) {
                    if (f.getSize() > org.citygrid.cases.Attachments.MAX_BYTES) {
                        throw new DomainException.Invalid("photos", TOO_LARGE,
                                org.citygrid.cases.Attachments.MAX_BYTES >> 20);
                    }
                    photos.add(new PublicPortal.Photo(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
        }
        return photos;
    }

    private String form(Model model, Map<String, String> entered, String error, String errorField) {
        var en = isEnglish();
        model.addAttribute("form", entered);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("stamp", portal.stamp());
        model.addAttribute("classes", portal.classes().stream().map(c -> new ClassOption(
                c.kind().name() + ":" + c.code(), label(c, en), (en ? c.majorCode() : c.majorName()))).toList());
        model.addAttribute("maxPhotos", PublicPortal.MAX_PHOTOS);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "portal/report";
    }

    record ClassOption(String value, String label, String group) {
    }

    /** The duplicate hint of the form (an htmx fragment): reports of the same problem nearby. */
    @GetMapping("/public/nearby")
    @PreAuthorize("permitAll()")
    String nearby(@RequestParam(required = false) String classRef, @RequestParam(required = false) String lon,
                  @RequestParam(required = false) String lat, Model model) {
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("nearby", portal.nearby(classRef, lon, lat).stream()
                .map(n -> new NearbyView(n.caseId(), messages.getMessage("portal.nearby.item",
                        new Object[] {ago(n.minutesAgo(), locale), n.distanceMeters(),
                                statusLabel(n.status(), locale)}, locale))).toList());
        return "portal/report :: nearby";
    }

    record NearbyView(long caseId, String text) {
    }

    private String ago(long minutes, Locale locale) {
        if (minutes < 60) {
            return messages.getMessage("portal.ago.minutes", new Object[] {minutes}, locale);
        }
        return messages.getMessage("portal.ago.hours", new Object[] {minutes / 60}, locale);
    }

    // ---------------------------------------------------------------- tracking

    @GetMapping("/public/track")
    @PreAuthorize("permitAll()")
    String trackForm(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            return "portal/track-form";
        }
        var normalized = TrackingCodes.normalize(code);
        if (normalized.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", message("portal.track.not-found"));
            return "portal/track-form";
        }
        return "redirect:/public/track/" + normalized.get();
    }

    @GetMapping("/public/track/{code}")
    @PreAuthorize("permitAll()")
    String track(@PathVariable String code, Model model, HttpServletResponse response) {
        try {
            return trackPage(portal.track(code), model);
        } catch (DomainException.NotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", text(e));
            return "portal/track-form";
        }
    }

    @PostMapping("/public/track/{code}/rating")
    @PreAuthorize("permitAll()")
    String rate(@PathVariable String code, @RequestParam(required = false) String rating,
                @RequestParam(required = false) String comment, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            portal.rate(code, rating, comment);
        } catch (DomainException.NotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", text(e));
            return "portal/track-form";
        } catch (DomainException e) {
            response.setStatus(status(e).value());
            model.addAttribute("error", text(e));
            return trackPage(portal.track(code), model);
        }
        redirect.addFlashAttribute("rated", true);
        return "redirect:/public/track/" + TrackingCodes.normalize(code).orElseThrow();
    }

    private String trackPage(PublicPortal.Tracked t, Model model) {
        var locale = LocaleContextHolder.getLocale();
        var en = isEnglish();
        model.addAttribute("t", t);
        model.addAttribute("className", t.cls() == null ? "" : label(t.cls(), en));
        model.addAttribute("statusLabel", statusLabel(t.status(), locale));
        model.addAttribute("reportedAt", time(t.reportedAt()));
        model.addAttribute("closedAt", t.closedAt() == null ? null : time(t.closedAt()));
        model.addAttribute("steps", t.steps().stream().map(s -> new StepView(time(s.at()), s.action().wireName(),
                messages.getMessage("portal.step." + s.action().wireName(), null, s.action().wireName(), locale),
                statusLabel(s.status(), locale))).toList());
        model.addAttribute("ratings", PortalStore.Satisfaction.values());
        return "portal/track";
    }

    record StepView(String at, String action, String step, String status) {
    }

    // ---------------------------------------------------------------- public map

    @GetMapping("/public/map")
    @PreAuthorize("permitAll()")
    String map(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "portal/map";
    }

    // ---------------------------------------------------------------- refusals

    /** Too many reports for one phone: the 429 page, with when to try again. */
    @ExceptionHandler(Throttled.class)
    String throttled(Throttled e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        model.addAttribute("status", 429);
        model.addAttribute("path", null);
        return "error/429";
    }

    static HttpStatus status(DomainException e) {
        return switch (e) {
            case DomainException.NotFound nf -> HttpStatus.NOT_FOUND;
            case DomainException.Conflict c -> HttpStatus.CONFLICT;
            case DomainException.Invalid i -> HttpStatus.UNPROCESSABLE_CONTENT;
            case DomainException.BadRequest b -> HttpStatus.BAD_REQUEST;
            case DomainException.Forbidden f -> HttpStatus.FORBIDDEN;
        };
    }

    private String text(DomainException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    String statusLabel(CaseStatus status, Locale locale) {
        return messages.getMessage("portal.status." + status.name(), null, status.name(), locale);
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    static String label(CatalogClass c, boolean english) {
        return english && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.name();
    }

    private static boolean isEnglish() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
