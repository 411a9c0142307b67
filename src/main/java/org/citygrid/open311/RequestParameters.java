package org.citygrid.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.cases.FeedQuery;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Geocoder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the arguments of the GeoReport methods (open311.md §1.1, §1.3). An empty argument is an absent one.
 * Every problem of a POST is collected and answered at once, one {@code <error>} per field (§1.6.5).
 * <p>Dates must carry a zone ({@code Z} or {@code ±HH:MM}): a date without one is a 400 (§1.6.7).
 */
@Component
class RequestParameters {

    /** Longest window of GET requests, and its default (the last 90 days). */
    static final Duration WINDOW = Duration.ofDays(90);
    /** Most requests in one answer (the spec's 1,000); also the most {@code page_size} may ask for. */
    static final int MAX_REQUESTS = 1000;
    static final int MAX_DESCRIPTION = 4000;

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,100})](\\[])?");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final Open311Properties properties;
    private final ApiKeys keys;
    private final Services services;
    private final Geocoder geocoder;
    private final Clock clock;

    RequestParameters(Open311Properties properties, ApiKeys keys, Services services, Geocoder geocoder, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.services = services;
        this.geocoder = geocoder;
        this.clock = clock;
    }

    static String param(HttpServletRequest http, String name) {
        var v = http.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** One jurisdiction is served: its id or none is accepted, any other is a 404 (§1.1). */
    void jurisdiction(HttpServletRequest http) {
        var j = param(http, "jurisdiction_id");
        if (j != null && !j.equals(properties.jurisdictionId())) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.jurisdiction-unknown", j);
        }
    }

    /** The active key named by {@code api_key}; a missing or unknown or revoked key is a 403. */
    ApiKeys.Key key(HttpServletRequest http) {
        var apiKey = param(http, "api_key");
        if (apiKey == null) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "open311.error.key-missing");
        }
        return keys.authenticate(apiKey).orElseThrow(() -> Open311Exception.of(HttpStatus.FORBIDDEN,
                "open311.error.key-invalid"));
    }

    // ------------------------------------------------------------------------------------------- POST

    ServiceRequests.Post post(HttpServletRequest http, Locale locale) {
        var code = param(http, "service_code");
        if (code == null) {
            throw Open311Exception.invalid(List.of(error("open311.error.service-code-missing")));
        }
        var service = services.find(code).orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND,
                "open311.error.service-unknown", code));
        var errors = new ArrayList<Open311Exception.Error>();
        var componentId = attributes(http, service, locale, errors);
        var address = longest(http, "address_string", 500, errors);
        var addressId = longest(http, "address_id", 100, errors);
        var point = location(http, address, addressId, errors);
        var description = longest(http, "description", MAX_DESCRIPTION, errors);
        var email = matching(http, "email", EMAIL, errors);
        var phone = matching(http, "phone", PHONE, errors);
        var deviceId = longest(http, "device_id", 100, errors);
        var accountId = longest(http, "account_id", 100, errors);
        var name = name(http, errors);
        var mediaUrl = mediaUrl(http, errors);
        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors);
        }
        var text = description != null ? description : services.name(service, locale);
        return new ServiceRequests.Post(ServiceRequests.report(service.code(), point[0], point[1], address, text,
                name, phone, componentId), email, deviceId, accountId, mediaUrl, addressId);
    }

    /**
     * {@code attribute[CODE]=v} and, for list types, {@code attribute[CODE][]=v} repeated. Only the service's variable
     * attributes are accepted; the only one today is the optional single-valued {@code component_id}.
     */
    private String attributes(HttpServletRequest http, org.citygrid.catalog.CatalogClass service, Locale locale,
                              List<Open311Exception.Error> errors) {
        var variable = new HashSet<String>();
        services.attributes(service, locale).stream().filter(Services.Attribute::variable)
                .forEach(a -> variable.add(a.code()));
        String componentId = null;
        for (Map.Entry<String, String[]> e : http.getParameterMap().entrySet()) {
            if (!e.getKey().startsWith("attribute")) {
                continue;
            }
            var m = ATTRIBUTE.matcher(e.getKey());
            if (!m.matches()) {
                errors.add(error("open311.error.attribute-malformed", e.getKey()));
                continue;
            }
            var attr = m.group(1);
            if (!variable.contains(attr)) {
                errors.add(error("open311.error.attribute-unknown", attr, service.code()));
                continue;
            }
            var values = java.util.Arrays.stream(e.getValue()).filter(v -> v != null && !v.isBlank())
                    .map(String::strip).toList();
            if (m.group(2) != null || values.size() > 1) {
                errors.add(error("open311.error.attribute-single", attr));
            } else if (!values.isEmpty()) {
                componentId = values.getFirst();
                if (!componentId.matches("\\d{17}")) {
                    errors.add(error("open311.error.component-id", attr));
                }
            }
        }
        return componentId;
    }

    /**
     * {@code lat} and {@code long} together (WGS84), or an {@code address_string} the gazetteer knows (its best
     * candidate inside a grid). An {@code address_id} alone cannot be resolved: this platform has no address ids.
     */
    private double[] location(HttpServletRequest http, String address, String addressId,
                              List<Open311Exception.Error> errors) {
        var lat = param(http, "lat");
        var lon = param(http, "long");
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                errors.add(error("open311.error.lat-long-together"));
                return new double[2];
            }
            try {
                double la = Double.parseDouble(lat);
                double lo = Double.parseDouble(lon);
                if (Double.isFinite(la) && Double.isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
                    return new double[] {lo, la};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(error("open311.error.lat-long-invalid", lat, lon));
            return new double[2];
        }
        if (address != null) {
            var found = geocoder.geocode(address.length() > Geocoder.MAX_QUERY_LENGTH
                    ? address.substring(0, Geocoder.MAX_QUERY_LENGTH) : address, 5)
                    .stream().filter(c -> c.gridCode() != null).findFirst();
            if (found.isPresent()) {
                return new double[] {found.get().lon(), found.get().lat()};
            }
            errors.add(error("open311.error.address-unknown", address));
            return new double[2];
        }
        errors.add(error(addressId != null ? "open311.error.address-id-unsupported" : "open311.error.location-missing"));
        return new double[2];
    }

    private static String name(HttpServletRequest http, List<Open311Exception.Error> errors) {
        var first = param(http, "first_name");
        var last = param(http, "last_name");
        if (first == null && last == null) {
            return null;
        }
        var name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        if (name.length() > 100) {
            errors.add(error("open311.error.too-long", "first_name/last_name", 100));
            return null;
        }
        return name;
    }

    private static String mediaUrl(HttpServletRequest http, List<Open311Exception.Error> errors) {
        var url = longest(http, "media_url", 2000, errors);
        if (url == null) {
            return null;
        }
        try {
            var uri = new URI(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(error("open311.error.media-url", url.length() > 100 ? url.substring(0, 100) : url));
        return null;
    }

    private static String longest(HttpServletRequest http, String name, int max, List<Open311Exception.Error> errors) {
        var v = param(http, name);
        if (v != null && v.length() > max) {
            errors.add(error("open311.error.too-long", name, max));
            return null;
        }
        return v;
    }

    private static String matching(HttpServletRequest http, String name, Pattern pattern,
                                   List<Open311Exception.Error> errors) {
        var v = param(http, name);
        if (v != null && !pattern.matcher(v).matches()) {
            errors.add(error("open311.error.malformed", name));
            return null;
        }
        return v;
    }

    private static Open311Exception.Error error(String key, Object... args) {
        return new Open311Exception.Error("400", key, args);
    }

    // ------------------------------------------------------------------------------------------- GET

    /**
     * The filters of GET requests (§1.3 (5)). {@code service_request_id} overrides every other filter. Without dates
     * the window is the last 90 days; with one date it extends 90 days from (or to) it; a longer window is a 400.
     * Newest first, at most 1,000; the paging extension {@code page} (from 1) and {@code page_size} (≤ 1,000) pages
     * through the same selection.
     */
    FeedQuery query(HttpServletRequest http) {
        int size = number(http, "page_size", MAX_REQUESTS, MAX_REQUESTS);
        int page = number(http, "page", 1, Integer.MAX_VALUE / MAX_REQUESTS);
        int offset = (page - 1) * size;
        var ids = param(http, "service_request_id");
        if (ids != null) {
            var list = new ArrayList<Long>();
            for (var id : ids.split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                list.add(caseId(id.strip()).orElseThrow(() -> Open311Exception.of(HttpStatus.BAD_REQUEST,
                        "open311.error.request-id-malformed", id.strip())));
            }
            if (list.size() > MAX_REQUESTS) {
                throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.too-many-ids", MAX_REQUESTS);
            }
            if (!list.isEmpty()) {
                return new FeedQuery(list, List.of(), null, null, null, offset, size);
            }
        }
        var classes = new ArrayList<FeedQuery.ClassRef>();
        var codes = param(http, "service_code");
        if (codes != null) {
            for (var code : codes.split(",")) {
                if (!code.isBlank()) {
                    classes.add(new FeedQuery.ClassRef(ClassKind.MATTER, code.strip()));
                    classes.add(new FeedQuery.ClassRef(ClassKind.COMPONENT, code.strip()));
                }
            }
        }
        var window = window(date(http, "start_date"), date(http, "end_date"));
        return new FeedQuery(List.of(), classes, window[0], window[1], status(http), offset, size);
    }

    private Instant[] window(Instant start, Instant end) {
        if (start == null && end == null) {
            var now = clock.instant();
            return new Instant[] {now.minus(WINDOW), null};
        }
        if (start == null) {
            return new Instant[] {end.minus(WINDOW), end};
        }
        if (end == null) {
            return new Instant[] {start, start.plus(WINDOW)};
        }
        if (end.isBefore(start)) {
            throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.dates-reversed");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.window-too-long", WINDOW.toDays());
        }
        return new Instant[] {start, end};
    }

    private static Instant date(HttpServletRequest http, String name) {
        var v = param(http, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.date", name, v);
        }
    }

    /** {@code open}, {@code closed} or both (null: both). */
    private static Boolean status(HttpServletRequest http) {
        var v = param(http, "status");
        if (v == null) {
            return null;
        }
        Set<String> wanted = new HashSet<>();
        for (var s : v.split(",")) {
            var t = s.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !t.equals("open") && !t.equals("closed")) {
                throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.status", s.strip());
            }
            if (!t.isEmpty()) {
                wanted.add(t);
            }
        }
        return wanted.size() == 1 ? wanted.contains("open") : null;
    }

    private static int number(HttpServletRequest http, String name, int dflt, int max) {
        var v = param(http, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.number", name, max);
    }

    /** A service request id is a case id: digits; anything else names no request. */
    static Optional<Long> caseId(String id) {
        return id != null && ID.matcher(id).matches() ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
