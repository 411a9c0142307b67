package org.citygrid.intake.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.citygrid.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisors' field app (监督员移动端): one page at {@code /field/} that static/field/app.js turns into the app, an
 * installable PWA whose service worker ({@code /field/sw.js}, scope {@code /field/}) keeps the shell and the reports
 * made without a network. Everything else goes through the public case, catalog, geo and assets APIs; the app's only
 * endpoint of its own hands a fresh CSRF token to the offline queue before it sends.
 */
@Controller
class FieldApp {

    /** The texts the script shows: every {@code field.js.*} key of the bundle, in the page's language. */
    private static final String SCRIPT_PREFIX = "field.js.";
    private static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;
    private final String[] scriptKeys;

    FieldApp(MessageSource messages, JsonMapper json, @Value("${citygrid.map.tile-url:}") String tileUrl,
             @Value("${citygrid.map.tile-attribution:}") String tileAttribution) {
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.scriptKeys = scriptKeys();
    }

    private static String[] scriptKeys() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("i18n/field.properties"))
                    .stringPropertyNames().stream().filter(k -> k.startsWith(SCRIPT_PREFIX)).sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service worker's scope is {@code /field/}: the app lives at the URL with the slash. */
    @GetMapping("/field")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String redirect() {
        return "redirect:/field/";
    }

    @GetMapping("/field/")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String app(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        model.addAttribute("user", user);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        // A JSON data block, never run as script; "</" cannot close the element early.
        model.addAttribute("texts", json.writeValueAsString(texts(locale)).replace("</", "<\\/"));
        return "field/app";
    }

    private Map<String, String> texts(Locale locale) {
        var texts = new TreeMap<String, String>();
        for (var key : scriptKeys) {
            texts.put(key.substring(SCRIPT_PREFIX.length()), messages.getMessage(key, null, key, locale));
        }
        return texts;
    }

    /** The manifest with its registered type (the servlet container does not know {@code .webmanifest}). */
    @GetMapping(path = "/field/manifest.webmanifest", produces = "application/manifest+json")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Resource> manifest() {
        return ResponseEntity.ok().contentType(MANIFEST)
                .body(new ClassPathResource("static/field/manifest.webmanifest"));
    }

    record Session(String username, String displayName, String csrfHeader, String csrfToken) {
    }

    /** Who is signed in and a CSRF token for the offline queue (the cached page's token may belong to an old session). */
    @GetMapping("/field/session")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Session> session(@AuthenticationPrincipal CurrentUser user, CsrfToken csrf) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Session(user.username(), user.displayName(), csrf.getHeaderName(), csrf.getToken()));
    }
}
