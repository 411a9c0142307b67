package org.citygrid.open311;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.CaseFeed;
import org.citygrid.cases.FeedQuery;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GeoReport v2 under {@code /open311/v2} (shared/domain/open311.md): discovery, services, service definitions,
 * POST and GET requests, tokens; each in XML and JSON, written from one {@link Doc}. GETs are public; a POST needs an
 * API key. Errors use the spec's {@code <errors>} format, never RFC 9457. The security chain is
 * {@link Open311Security}.
 */
@Controller
@RequestMapping(Open311Security.BASE)
class GeoReportController {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private static final Logger log = LoggerFactory.getLogger(GeoReportController.class);

    private final Services services;
    private final Catalog catalog;
    private final CaseFeed feed;
    private final ServiceRequests requests;
    private final RequestParameters parameters;
    private final PostThrottle throttle;
    private final Open311Properties properties;
    private final Calendars calendars;
    private final MessageSource messages;

    GeoReportController(Services services, Catalog catalog, CaseFeed feed, ServiceRequests requests,
                        RequestParameters parameters, PostThrottle throttle,
                        Open311Properties properties, Calendars calendars, MessageSource messages) {
        this.services = services;
        this.catalog = catalog;
        this.feed = feed;
        this.requests = requests;
        this.parameters = parameters;
        this.throttle = throttle;
        this.properties = properties;
        this.calendars = calendars;
        this.messages = messages;
    }

    // ------------------------------------------------------------------------------------------- discovery

    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        var changeset = changeset();
        var endpoint = new Doc.Obj()
                .put("specification", SPECIFICATION)
                .put("url", baseUrl())
                .put("changeset", changeset)
                .put("type", properties.endpointType())
                .put("formats", new Doc.Items("format", List.of(Doc.XML_TYPE, Doc.JSON_TYPE)));
        var body = new Doc.Obj()
                .put("changeset", changeset)
                .put("contact", properties.contact())
                .put("key_service", properties.keyService())
                .put("endpoints", new Doc.Items("endpoint", List.of(endpoint)));
        return answer(new Doc("discovery", body), f);
    }

    /** Sortable, and bumped whenever a class changes (each change raises that class's version). */
    private String changeset() {
        long sum = catalog.list(null).stream().mapToLong(CatalogClass::version).sum();
        return "catalog-%010d".formatted(sum);
    }

    private String baseUrl() {
        if (!properties.publicUrl().isBlank()) {
            return properties.publicUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(Open311Security.BASE).toUriString();
    }

    // ------------------------------------------------------------------------------------------- services

    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        parameters.jurisdiction(http);
        var locale = locale(http);
        var list = services.all().stream().map(c -> new Doc.Obj()
                .put("service_code", c.code())
                .put("service_name", services.name(c, locale))
                .put("description", description(c, locale))
                .put("metadata", !services.attributes(c, locale).isEmpty())
                .put("type", properties.batch() ? "batch" : "realtime")
                .put("keywords", services.keywords(c))
                .put("group", services.group(c))).toList();
        return answer(new Doc("services", new Doc.Items("service", list)), f);
    }

    private String description(CatalogClass c, Locale locale) {
        return Services.english(locale) ? c.majorName() + " / " + c.nameEn() : c.majorName() + " / " + c.name();
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
                                      HttpServletRequest http) {
        var f = format(format);
        parameters.jurisdiction(http);
        var locale = locale(http);
        var c = services.find(code).orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND,
                "open311.error.service-unknown", code));
        var attributes = services.attributes(c, locale).stream().map(a -> new Doc.Obj()
                .put("variable", a.variable())
                .put("code", a.code())
                .put("datatype", a.datatype())
                .put("required", a.required())
                .put("datatype_description", a.datatypeDescription())
                .put("order", a.order())
                .put("description", a.description())).toList();
        var body = new Doc.Obj().put("service_code", c.code())
                .put("attributes", new Doc.Items("attribute", attributes));
        return answer(new Doc("service_definition", body), f);
    }

    // ------------------------------------------------------------------------------------------- requests

    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> create(@PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        throttle.byAddress(http.getRemoteAddr());
        var key = parameters.key(http);
        throttle.byKey(key.id());
        parameters.jurisdiction(http);
        var post = parameters.post(http, locale(http));
        ServiceRequests.Extra created;
        try {
            created = requests.create(post, key);
        } catch (DomainException e) {
            // an unknown component, a point outside every grid: the loop's own text, as a 400 of the spec
            throw Open311Exception.invalid(List.of(new Open311Exception.Error("400", e.messageKey(), e.arguments())));
        }
        var request = new Doc.Obj();
        if (properties.batch()) {
            request.put("token", created.token());
        } else {
            request.put("service_request_id", String.valueOf(created.caseId()));
        }
        request.put("service_notice", messages.getMessage("open311.notice.received", null, locale(http)))
                .put("account_id", post.accountId());
        return answer(RequestViews.requests(List.of(request)), f, HttpStatus.CREATED);
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> list(@PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        parameters.jurisdiction(http);
        FeedQuery query = parameters.query(http);
        return answer(RequestViews.requests(views(feed.find(query), extensions(http), http)), f);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        parameters.jurisdiction(http);
        var c = RequestParameters.caseId(id).flatMap(feed::byId).orElseThrow(() -> Open311Exception.of(
                HttpStatus.NOT_FOUND, "open311.error.request-unknown", id));
        return answer(RequestViews.requests(views(List.of(c), extensions(http), http)), f);
    }

    private List<Doc.Obj> views(List<org.citygrid.cases.Case> cases, boolean extensions, HttpServletRequest http) {
        var extras = requests.byCases(cases.stream().map(c -> c.id().value()).toList());
        var views = new RequestViews(services, catalog, messages, calendars.zone(), locale(http));
        return cases.stream().map(c -> views.request(c, extras.get(c.id().value()), extensions)).toList();
    }

    private static boolean extensions(HttpServletRequest http) {
        return "true".equalsIgnoreCase(RequestParameters.param(http, "extensions"));
    }

    // ------------------------------------------------------------------------------------------- tokens

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format, HttpServletRequest http) {
        var f = format(format);
        parameters.jurisdiction(http);
        var found = requests.byToken(token).orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND,
                "open311.error.token-unknown", token));
        var request = new Doc.Obj().put("service_request_id", String.valueOf(found.caseId()))
                .put("token", found.token());
        return answer(RequestViews.requests(List.of(request)), f);
    }

    /** Anything else under the base: an unknown resource (or an unsupported method on a known one). */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest http) {
        throw Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.resource-unknown", http.getRequestURI());
    }

    // ------------------------------------------------------------------------------------------- answers

    private static Doc.Format format(String suffix) {
        var f = Doc.Format.of(suffix);
        if (f == null) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "open311.error.format-unknown", suffix);
        }
        return f;
    }

    private static ResponseEntity<byte[]> answer(Doc doc, Doc.Format f) {
        return answer(doc, f, HttpStatus.OK);
    }

    private static ResponseEntity<byte[]> answer(Doc doc, Doc.Format f, HttpStatus status) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, f.contentType()).body(doc.bytes(f));
    }

    private static Locale locale(HttpServletRequest http) {
        return RequestContextUtils.getLocale(http);
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest http) {
        var locale = locale(http);
        var errors = e.errors().stream().map(err -> new Doc.Obj()
                .put("code", err.code())
                .put("description", messages.getMessage(err.messageKey(), err.args(), err.messageKey(), locale)))
                .toList();
        var response = ResponseEntity.status(e.status()).header(HttpHeaders.CONTENT_TYPE,
                errorFormat(http).contentType());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(new Doc("errors", new Doc.Items("error", errors)).bytes(errorFormat(http)));
    }

    /** A failure of ours is still answered in the spec's format: a 400 "general error" (§1.4), logged. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest http) {
        log.error("Open311 {} {} failed", http.getMethod(), http.getRequestURI(), e);
        return refused(Open311Exception.of(HttpStatus.BAD_REQUEST, "open311.error.general"), http);
    }

    private static Doc.Format errorFormat(HttpServletRequest http) {
        return http.getRequestURI().endsWith(".json") ? Doc.Format.JSON : Doc.Format.XML;
    }
}
