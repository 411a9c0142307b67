package org.citygrid.intake.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Attachments;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFilter;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.DuplicateCandidate;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Paging;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public may do without signing in: report a problem (or add their photo to a report of the same problem),
 * follow it by its tracking code, rate the result once, and see the public map. Everything a citizen sends is
 * checked here before the loop sees it; a refused report leaves nothing behind (one transaction).
 */
@Service
class PublicPortal {

    /** The portal reports as a channel account in the operator's reporting role; the timeline names it 公众门户. */
    static final String USERNAME = org.citygrid.org.Person.PORTAL_USERNAME;
    static final Actor ACTOR = new Actor(USERNAME, Set.of(Role.OPERATOR), null);
    /** Reads cases the way a leader does (every case), to show their public-safe parts only. */
    private static final Actor READER = Actor.system(Role.LEADER);

    static final int MAX_PHOTOS = 3;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_ADDRESS = 200;
    static final int MAX_NAME = 50;
    static final int MAX_COMMENT = 500;
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,20}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    /** The steps of the loop a citizen sees; requests, denials, urging and internal hand-overs stay inside. */
    static final Set<CaseAction> PUBLIC_STEPS = EnumSet.of(CaseAction.REPORT, CaseAction.ACCEPT,
            CaseAction.SEND_VERIFY, CaseAction.VERIFY, CaseAction.FILE, CaseAction.REJECT, CaseAction.MERGE,
            CaseAction.DISPATCH, CaseAction.RECEIVE, CaseAction.APPROVE_RETURN, CaseAction.APPROVE_PARK,
            CaseAction.RESUME, CaseAction.FEEDBACK, CaseAction.CHECK, CaseAction.CLOSE, CaseAction.APPROVE_VOID);

    private final Cases cases;
    private final Attachments attachments;
    private final Catalog catalog;
    private final PortalStore store;
    private final FormStamps stamps;
    private final PortalThrottle throttle;
    private final PortalProperties properties;
    private final Clock clock;
    private final TrackingCodes codes = new TrackingCodes(new SecureRandom());
    private volatile CachedMap cachedMap;

    PublicPortal(Cases cases, Attachments attachments, Catalog catalog, PortalStore store, FormStamps stamps,
                 PortalThrottle throttle, PortalProperties properties, Clock clock) {
        this.cases = cases;
        this.attachments = attachments;
        this.catalog = catalog;
        this.store = store;
        this.stamps = stamps;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    /** A report as the form sends it: text as typed, photos as uploaded (name, declared type, bytes). */
    record ReportForm(String classRef, String lon, String lat, String address, String description, String name,
                      String phone, String website, String stamp, Long joinCaseId, List<Photo> photos) {
    }

    record Photo(String originalName, String contentType, byte[] bytes) {
    }

    /** What the citizen gets back: their tracking code, and whether they joined an existing report. */
    record Receipt(String code, boolean joined) {
    }

    /** Checks everything, then reports a new case or adds the photos to the chosen duplicate; one transaction. */
    @Transactional
    public Receipt report(ReportForm form) {
        if (form.website() != null && !form.website().isEmpty()) {
            throw new DomainException.BadRequest("website", "portal.form.rejected");
        }
        stamps.check(form.stamp());
        var cls = classOf(form.classRef());
        double lon = coordinate(form.lon(), 180);
        double lat = coordinate(form.lat(), 90);
        var address = text("address", form.address(), MAX_ADDRESS, false);
        var name = text("name", form.name(), MAX_NAME, false);
        var phone = phone(form.phone());
        var photos = photos(form.photos());
        throttle.checkPhone(phone);
        if (form.joinCaseId() != null) {
            return join(form.joinCaseId(), cls, lon, lat, photos);
        }
        var description = text("description", form.description(), MAX_DESCRIPTION, true);
        var c = cases.report(new Cases.NewCase(Channel.PORTAL, cls.kind(), cls.code(), lon, lat, Crs.WGS84, address,
                description, false, name, phone, null), ACTOR);
        long id = c.id().value();
        photos.forEach(p -> attachments.uploadFromPublic(id, p, USERNAME));
        return new Receipt(newTracking(id, false), false);
    }

    private Receipt join(long caseId, CatalogClass cls, double lon, double lat, List<Attachments.Upload> photos) {
        var candidate = cases.duplicateCandidates(cls.kind(), cls.code(), lon, lat).stream()
                .anyMatch(d -> d.id().value() == caseId);
        if (!candidate) {
            throw new DomainException.Invalid("joinCaseId", "portal.join.not-a-candidate");
        }
        if (photos.isEmpty()) {
            throw new DomainException.Invalid("photos", "portal.join.photo-required");
        }
        photos.forEach(p -> attachments.uploadFromPublic(caseId, p, USERNAME));
        return new Receipt(newTracking(caseId, true), true);
    }

    private String newTracking(long caseId, boolean joined) {
        for (int attempt = 0; attempt < 5; attempt++) {
            var code = codes.next();
            if (!store.exists(code)) {
                store.save(new PortalStore.Tracking(code, caseId, joined, cases.now()));
                return code;
            }
        }
        throw new IllegalStateException("five random tracking codes in a row were taken");
    }

    // ---------------------------------------------------------------- checks of what the citizen typed

    CatalogClass classOf(String ref) {
        var parts = ref == null ? new String[0] : ref.split(":", 2);
        if (parts.length == 2) {
            for (var kind : ClassKind.values()) {
                if (kind.name().equals(parts[0])) {
                    var found = catalog.find(kind, parts[1]);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw new DomainException.Invalid("classRef", "portal.report.class-unknown");
    }

    static double coordinate(String value, double limit) {
        try {
            double v = Double.parseDouble(value == null ? "" : value.strip());
            if (Double.isFinite(v) && Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw new DomainException.Invalid("location", "portal.report.location-missing");
    }

    static String text(String field, String value, int max, boolean required) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new DomainException.Invalid(field, "portal.field.required." + field);
            }
            return null;
        }
        if (v.length() > max) {
            throw new DomainException.Invalid(field, "portal.field.too-long." + field, max);
        }
        if (CONTROL.matcher(v).find()) {
            throw new DomainException.Invalid(field, "portal.field.control-characters." + field);
        }
        return v;
    }

    static String phone(String value) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(v).matches() || v.replaceAll("\\D", "").length() < 5) {
            throw new DomainException.Invalid("phone", "portal.field.phone-invalid");
        }
        return v;
    }

    /** At most three, each declared as an image and within the size limit; the content is checked on upload. */
    static List<Attachments.Upload> photos(List<Photo> photos) {
        var present = photos == null ? List.<Photo>of()
                : photos.stream().filter(p -> p.bytes() != null && p.bytes().length > 0).toList();
        if (present.size() > MAX_PHOTOS) {
            throw new DomainException.Invalid("photos", "portal.photo.too-many", MAX_PHOTOS);
        }
        var uploads = new ArrayList<Attachments.Upload>();
        for (var p : present) {
            var type = p.contentType() == null ? "" : p.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!(type.equals("image/jpeg") || type.equals("image/png") || type.equals("image/webp"))) {
                throw new DomainException.Invalid("photos", "portal.photo.type-unsupported");
            }
            if (p.bytes().length > Attachments.MAX_BYTES) {
                throw new DomainException.Invalid("photos", "portal.photo.too-large", Attachments.MAX_BYTES >> 20);
            }
            uploads.add(new Attachments.Upload(p.originalName(), p.bytes()));
        }
        return uploads;
    }

    // ---------------------------------------------------------------- duplicates before submitting

    /** A report of the same problem nearby: how long ago, how far, in which state. */
    record Nearby(long caseId, CaseStatus status, int distanceMeters, long minutesAgo) {
    }

    @Transactional(readOnly = true)
    public List<Nearby> nearby(String classRef, String lon, String lat) {
        CatalogClass cls;
        double x;
        double y;
        try {
            cls = classOf(classRef);
            x = coordinate(lon, 180);
            y = coordinate(lat, 90);
        } catch (DomainException e) {
            return List.of();
        }
        var now = clock.instant();
        return cases.duplicateCandidates(cls.kind(), cls.code(), x, y).stream().limit(5)
                .map(d -> nearby(d, now)).toList();
    }

    private static Nearby nearby(DuplicateCandidate d, Instant now) {
        return new Nearby(d.id().value(), d.status(), d.distanceMeters(),
                Math.max(0, Duration.between(d.reportedAt(), now).toMinutes()));
    }

    // ---------------------------------------------------------------- tracking

    /** One step of the public timeline: when, which step, and the state it led to. */
    record Step(Instant at, CaseAction action, CaseStatus status) {
    }

    /**
     * The public view of a case: class, state, times and steps. No staff names, no notes, no reporter data, no case
     * number. A report merged into another follows that one ({@code merged}).
     */
    record Tracked(String code, boolean joined, boolean merged, CatalogClass cls, CaseStatus status,
                   Instant reportedAt, Instant closedAt, List<Step> steps, boolean mayRate,
                   Optional<PortalStore.Rating> rating) {

        public String displayCode() {
            return TrackingCodes.display(code);
        }
    }

    @Transactional(readOnly = true)
    public Tracked track(String typed) {
        var code = TrackingCodes.normalize(typed).orElseThrow(() -> new DomainException.NotFound(
                "portal.track.not-found"));
        var tracking = store.tracking(code).orElseThrow(() -> new DomainException.NotFound("portal.track.not-found"));
        var own = cases.get(tracking.caseId(), READER);
        var followed = own.parent().map(p -> cases.get(p.value(), READER)).orElse(own);
        var cls = catalog.find(followed.kind(), followed.classCode()).orElse(null);
        var rating = store.rating(code);
        return new Tracked(code, tracking.joined(), followed != own, cls, followed.status(), followed.reportedAt(),
                followed.closedAt(), steps(followed), !followed.status().isOpen() && rating.isEmpty(), rating);
    }

    static List<Step> steps(Case c) {
        return c.timeline().stream().filter(e -> PUBLIC_STEPS.contains(e.action()))
                .map(e -> new Step(e.occurredAt(), e.action(), e.toStatus())).toList();
    }

    /** 满意度评价: once per tracking code, after the problem is closed. */
    @Transactional
    public void rate(String typed, String rating, String comment) {
        var tracked = track(typed);
        PortalStore.Satisfaction satisfaction;
        try {
            satisfaction = PortalStore.Satisfaction.valueOf(rating == null ? "" : rating.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("rating", "portal.rating.choose");
        }
        var text = text("comment", comment, MAX_COMMENT, false);
        if (tracked.status().isOpen()) {
            throw new DomainException.Conflict("portal.rating.not-closed");
        }
        var tracking = store.tracking(tracked.code()).orElseThrow();
        try {
            if (!store.rateOnce(new PortalStore.Rating(tracked.code(), tracking.caseId(), satisfaction, text,
                    cases.now()))) {
                throw new DomainException.Conflict("portal.rating.already");
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("portal.rating.already");
        }
    }

    // ---------------------------------------------------------------- public map

    /** A problem on the public map: a coarse position (~100 m), its class and state, nothing else. */
    record MapPoint(double lon, double lat, CatalogClass cls, CaseStatus status) {
    }

    private record CachedMap(Instant at, List<MapPoint> points) {
    }

    /** Open problems and those closed in the last {@code mapClosedDays} days; served from memory for a minute. */
    public List<MapPoint> map() {
        var cached = cachedMap;
        var now = clock.instant();
        if (cached != null && Duration.between(cached.at(), now).compareTo(properties.mapCacheTtl()) < 0) {
            return cached.points();
        }
        var points = readMap(now);
        cachedMap = new CachedMap(now, points);
        return points;
    }

    private List<MapPoint> readMap(Instant now) {
        var points = new ArrayList<MapPoint>();
        var open = EnumSet.copyOf(CaseStatus.open());
        collect(new CaseFilter(open, null, null, null, null, null, null, null, null, null), null, points);
        var closedSince = now.minus(Duration.ofDays(properties.mapClosedDays()));
        // closed cases are looked for among the reports of three times the period (a report closed after longer
        // than that is left off the map, which is acceptable for a public overview)
        var reportedFrom = closedSince.minus(Duration.ofDays(2L * properties.mapClosedDays()))
                .atZone(clock.getZone()).toLocalDate();
        collect(new CaseFilter(Set.of(CaseStatus.CLOSED), null, null, null, null, null, null, null, reportedFrom,
                null), closedSince, points);
        return List.copyOf(points);
    }

    private void collect(CaseFilter filter, Instant closedSince, List<MapPoint> points) {
        for (int page = 0; points.size() < properties.mapMaxPoints(); page++) {
            var result = cases.search(filter, new Paging(page, Paging.MAX_SIZE), READER);
            for (var c : result.items()) {
                if (points.size() < properties.mapMaxPoints()
                        && (closedSince == null || (c.closedAt() != null && !c.closedAt().isBefore(closedSince)))) {
                    catalog.find(c.kind(), c.classCode()).ifPresent(cls -> points.add(new MapPoint(coarse(c.lon()),
                            coarse(c.lat()), cls, c.status())));
                }
            }
            if ((long) (page + 1) * Paging.MAX_SIZE >= result.total()) {
                return;
            }
        }
    }

    /** The centre of the 0.001° cell the coordinate lies in (about 85 m × 111 m here). */
    static double coarse(double degrees) {
        return Math.round((Math.floor(degrees * 1000) + 0.5) * 10) / 10_000.0;
    }

    /** Classes for the report form, both kinds. */
    List<CatalogClass> classes() {
        return catalog.list(null);
    }

    String stamp() {
        return stamps.issue();
    }
}
