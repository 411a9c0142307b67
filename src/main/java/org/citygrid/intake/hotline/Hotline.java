package org.citygrid.intake.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseFilter;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.DuplicateCandidate;
import org.citygrid.cases.Limit;
import org.citygrid.cases.NewReport;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.Geocoder;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline console's work: looking a call over before it is saved (place, grid, class suggestions, duplicate
 * candidates), taking it as a new {@link Channel#HOTLINE} case or as a note on an open case, and calling the caller back
 * after closure. An unsatisfied call-back reopens the problem as a linked new case; the link lives in this module's
 * table, the {@code Case} aggregate is not changed.
 */
@Service
class Hotline {

    /** Hotline matters are answered within 5 working days (procedures.md §3.2: Jinan, Weifang, Shandong). */
    static final int REPLY_WORK_DAYS = 5;
    static final int MAX_NAME = 50;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NOTE = 1000;
    /** How many closed hotline cases the call-back queue looks through (newest first), and how many at a time. */
    static final int MAX_SCAN = 5000;
    static final int SCAN_BATCH = 100;

    /** A call as the operator typed it; every field may still be missing or wrong. */
    record CallInput(String callerName, String callerPhone, String address, Double lon, Double lat, Crs crs,
                     ClassKind kind, String classCode, String description, Long existingCaseId) {
    }

    /** Where the problem is: the point (WGS84), its grid and whether it came from the address or the map. */
    record Located(double lon, double lat, GridLocation grid, boolean geocoded) {
    }

    /** What the console shows before saving. */
    record Preview(List<GeocodeCandidate> places, Located located, List<ClassSuggester.Suggestion> suggestions,
                   CatalogClass chosenClass, List<DuplicateCandidate> duplicates) {
    }

    /** A saved call with the case it went to, the case's duplicate candidates and the promised reply time. */
    record Taken(HotlineCall call, Case aCase, List<DuplicateCandidate> duplicates, Instant replyBy) {
    }

    /** A closed hotline case waiting for its call-back. */
    record Pending(Case aCase) {
    }

    /** The hotline's record of one case: the calls on it, its call-back, and the call-back it reopens (if any). */
    record OfCase(List<HotlineCall> calls, Optional<Callback> callback, Optional<Callback> reopens) {
        public boolean isEmpty() {
            return calls.isEmpty() && callback.isEmpty() && reopens.isEmpty();
        }
    }

    private final Cases cases;
    private final Catalog catalog;
    private final Geocoder geocoder;
    private final Locator locator;
    private final Calendars calendars;
    private final ClassSuggester suggester;
    private final HotlineStore store;
    private final MessageSource messages;

    Hotline(Cases cases, Catalog catalog, Geocoder geocoder, Locator locator, Calendars calendars,
            ClassSuggester suggester, HotlineStore store, MessageSource messages) {
        this.cases = cases;
        this.catalog = catalog;
        this.geocoder = geocoder;
        this.locator = locator;
        this.calendars = calendars;
        this.suggester = suggester;
        this.store = store;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- before saving

    /** Place candidates, grid, class suggestions and duplicate candidates for what has been typed so far. */
    @Transactional(readOnly = true)
    public Preview preview(CallInput in, Actor by) {
        var places = places(in.address());
        var located = locate(in, places);
        var suggestions = suggester.suggest(in.description(), ClassSuggester.TOP);
        var chosen = chosenClass(in, suggestions);
        List<DuplicateCandidate> duplicates = located.isPresent() && chosen.isPresent()
                ? duplicates(located.get(), chosen.get(), in, by) : List.of();
        return new Preview(places, located.orElse(null), suggestions, chosen.orElse(null), duplicates);
    }

    private List<GeocodeCandidate> places(String address) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        var q = address.strip();
        return geocoder.geocode(q.length() > Geocoder.MAX_QUERY_LENGTH ? q.substring(0, Geocoder.MAX_QUERY_LENGTH) : q,
                5);
    }

    /** The point given on the map, else the best geocoded place inside a grid. */
    private Optional<Located> locate(CallInput in, List<GeocodeCandidate> places) {
        if (in.lon() != null && in.lat() != null) {
            var crs = in.crs() == null ? Crs.WGS84 : in.crs();
            var p = crs.toWgs84(in.lon(), in.lat());
            return locator.locate(p.lon(), p.lat()).map(g -> new Located(p.lon(), p.lat(), g, false));
        }
        return places.stream().filter(p -> p.gridCode() != null).findFirst()
                .flatMap(p -> locator.locate(p.lon(), p.lat()).map(g -> new Located(p.lon(), p.lat(), g, true)));
    }

    private Optional<CatalogClass> chosenClass(CallInput in, List<ClassSuggester.Suggestion> suggestions) {
        if (in.classCode() != null && !in.classCode().isBlank()) {
            var code = in.classCode().strip();
            return in.kind() != null ? catalog.find(in.kind(), code) : catalog.withCode(code).stream().findFirst();
        }
        return suggestions.stream().findFirst().flatMap(s -> catalog.find(s.kind(), s.code()));
    }

    /**
     * The duplicate candidates the case would have: the rule of {@link Cases#duplicateCandidates} applied to the
     * report as it would be made, not saved.
     */
    private List<DuplicateCandidate> duplicates(Located at, CatalogClass cls, CallInput in, Actor by) {
        var limit = cls.handleLimit();
        var report = new NewReport(Channel.HOTLINE, cls.kind(), cls.code(), new Limit(limit.amount(), limit.unit()),
                cls.urgent(), false, at.lon(), at.lat(), at.grid(), in.address(), "—", null, null, null);
        return cases.duplicateCandidates(Case.report(report, by, "preview", cases.now(), cases.clocks()));
    }

    // ---------------------------------------------------------------- taking the call

    /** Saves the call: a new hotline case with the caller as its reporter, or a note on the open case named. */
    @Transactional
    public Taken take(CallInput in, Actor by) {
        var name = required("callerName", in.callerName(), MAX_NAME);
        var phone = Phones.normalized("callerPhone", in.callerPhone());
        var description = required("description", in.description(), MAX_DESCRIPTION);
        var address = optional("address", in.address(), MAX_ADDRESS);
        var replyBy = calendars.deadline(cases.now(), REPLY_WORK_DAYS, TimeUnit.WORK_DAYS).at();
        if (in.existingCaseId() != null) {
            var existing = cases.get(in.existingCaseId(), by);
            if (!existing.status().isOpen()) {
                throw new DomainException.Conflict("hotline.existing.closed", existing.caseNo(), existing.status())
                        .with("currentStatus", existing.status().name());
            }
            var call = store.save(new HotlineCall(0, existing.id().value(), existing.caseNo(),
                    CallOutcome.ADDED_TO_CASE, name, phone, address, description, by.username(), cases.now()));
            return new Taken(call, existing, List.of(), replyBy);
        }
        var cls = classOf(in);
        var at = pointOf(in);
        var created = cases.report(new Cases.NewCase(Channel.HOTLINE, cls.kind(), cls.code(), at.lon(), at.lat(),
                Crs.WGS84, address, description, false, name, phone, null), by);
        var call = store.save(new HotlineCall(0, created.id().value(), created.caseNo(), CallOutcome.NEW_CASE, name,
                phone, address, description, by.username(), created.reportedAt()));
        return new Taken(call, created, cases.duplicateCandidates(created), replyBy);
    }

    private CatalogClass classOf(CallInput in) {
        if (in.classCode() == null || in.classCode().isBlank()) {
            throw new DomainException.Invalid("classCode", "hotline.class.required");
        }
        var code = in.classCode().strip();
        if (in.kind() != null) {
            return catalog.find(in.kind(), code).orElseThrow(() -> new DomainException.Invalid("classCode",
                    "hotline.class.unknown", code));
        }
        var found = catalog.withCode(code);
        if (found.isEmpty()) {
            throw new DomainException.Invalid("classCode", "hotline.class.unknown", code);
        }
        // a component and its mirror matter share a code: the component is the one supervisors report too
        return found.stream().filter(c -> c.kind() == ClassKind.COMPONENT).findFirst().orElse(found.getFirst());
    }

    private Located pointOf(CallInput in) {
        if ((in.lon() == null) != (in.lat() == null)) {
            throw new DomainException.Invalid(in.lon() == null ? "lon" : "lat", "hotline.point.half");
        }
        if (in.lon() != null) {
            if (Math.abs(in.lon()) > 180 || Math.abs(in.lat()) > 90) {
                throw new DomainException.Invalid("lon", "hotline.point.outside", in.lon(), in.lat());
            }
            return locate(in, List.of()).orElseThrow(() -> new DomainException.Invalid("lon",
                    "hotline.point.outside", in.lon(), in.lat()));
        }
        if (in.address() == null || in.address().isBlank()) {
            throw new DomainException.Invalid(List.of("address", "lon"), "hotline.point.missing");
        }
        return locate(in, places(in.address())).orElseThrow(() -> new DomainException.Invalid("address",
                "hotline.address.not-found", in.address().strip()));
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException.Invalid(field, "hotline.field.required");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var v = value.strip();
        if (v.length() > max) {
            throw new DomainException.Invalid(field, "hotline.field.too-long", max);
        }
        return v;
    }

    // ---------------------------------------------------------------- call-backs

    /**
     * Closed hotline cases without a call-back, newest report first. The search is read in batches until the page is
     * full; the total is exact without reading everything, because every call-back belongs to a closed hotline case and
     * a closed case stays closed.
     */
    @Transactional(readOnly = true)
    public PageResult<Case> pendingCallbacks(Paging paging, Actor viewer) {
        var filter = new CaseFilter(Set.of(CaseStatus.CLOSED), null, null, null, null, null, Channel.HOTLINE, null,
                null, null);
        var page = new ArrayList<Case>();
        long skip = paging.offset();
        long closed = 0;
        for (int batch = 0; batch * SCAN_BATCH < MAX_SCAN && page.size() < paging.size(); batch++) {
            var found = cases.search(filter, new Paging(batch, SCAN_BATCH), viewer);
            closed = found.total();
            var done = store.calledBack(found.items().stream().map(c -> c.id().value()).toList());
            for (var c : found.items()) {
                if (done.contains(c.id().value()) || page.size() >= paging.size()) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else {
                    page.add(c);
                }
            }
            if ((long) (batch + 1) * SCAN_BATCH >= found.total()) {
                break;
            }
        }
        return new PageResult<>(List.copyOf(page), paging.page(), paging.size(),
                Math.max(0, closed - store.countCallbacks()));
    }

    /**
     * Records the call-back of a closed hotline case; an unsatisfied caller's problem is reopened as a new hotline
     * case at the same place and of the same class, its description naming the original case. A second call-back of
     * the same case is a 409.
     */
    @Transactional
    public Callback callBack(long caseId, Satisfaction satisfaction, String note, Actor by) {
        if (satisfaction == null) {
            throw new DomainException.Invalid("satisfaction", "hotline.field.required");
        }
        var cleanNote = optional("note", note, MAX_NOTE);
        var original = cases.get(caseId, by);
        if (original.channel() != Channel.HOTLINE) {
            throw new DomainException.Invalid("caseId", "hotline.callback.not-hotline", original.caseNo());
        }
        if (original.status() != CaseStatus.CLOSED) {
            throw new DomainException.Conflict("hotline.callback.not-closed", original.caseNo(), original.status())
                    .with("currentStatus", original.status().name());
        }
        if (store.callbackOf(caseId).isPresent()) {
            throw new DomainException.Conflict("hotline.callback.done", original.caseNo());
        }
        if (satisfaction == Satisfaction.UNSATISFIED && cleanNote == null) {
            throw new DomainException.Invalid("note", "hotline.callback.note-required");
        }
        Case reopened = satisfaction == Satisfaction.UNSATISFIED ? reopen(original, cleanNote, by) : null;
        var callback = new Callback(caseId, original.caseNo(), satisfaction, cleanNote, by.username(), cases.now(),
                reopened == null ? null : reopened.id().value(), reopened == null ? null : reopened.caseNo());
        try {
            store.save(callback);
        } catch (DuplicateKeyException raced) {
            throw new DomainException.Conflict("hotline.callback.done", original.caseNo());
        }
        return callback;
    }

    private Case reopen(Case original, String note, Actor by) {
        var text = messages.getMessage("hotline.reopen.description",
                new Object[] {original.caseNo(), note, original.description()}, Locale.SIMPLIFIED_CHINESE);
        if (text.length() > MAX_DESCRIPTION) {
            text = text.substring(0, MAX_DESCRIPTION);
        }
        return cases.report(new Cases.NewCase(Channel.HOTLINE, original.kind(), original.classCode(), original.lon(),
                original.lat(), Crs.WGS84, original.address(), text, false, original.reporterName(),
                original.reporterPhone(), null), by);
    }

    // ---------------------------------------------------------------- reading

    /** The hotline's record of a case the viewer may see (404 otherwise). */
    @Transactional(readOnly = true)
    public OfCase ofCase(long caseId, Actor viewer) {
        cases.get(caseId, viewer);
        return new OfCase(store.callsOf(caseId), store.callbackOf(caseId), store.reopening(caseId));
    }

    @Transactional(readOnly = true)
    public PageResult<HotlineCall> recentCalls(Paging paging) {
        return new PageResult<>(store.recentCalls(paging.offset(), paging.size()), paging.page(), paging.size(),
                store.countCalls());
    }

    @Transactional(readOnly = true)
    public List<Callback> recentCallbacks(int size) {
        return store.recentCallbacks(size);
    }

    public List<ClassSuggester.Suggestion> classify(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException.BadRequest("text", "hotline.classify.text-required");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new DomainException.BadRequest("text", "hotline.field.too-long", MAX_DESCRIPTION);
        }
        return suggester.suggest(text, ClassSuggester.TOP);
    }

    public Optional<CatalogClass> catalogClass(ClassKind kind, String code) {
        return catalog.find(kind, code);
    }

    public java.time.ZoneId zone() {
        return calendars.zone();
    }
}
