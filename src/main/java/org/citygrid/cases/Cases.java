package org.citygrid.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.internal.CaseNumbers;
import org.citygrid.cases.internal.CaseQueries;
import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Crs;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting, acting on and finding cases. Each action is one transaction: the case is loaded, the aggregate checks
 * and applies the action, references to other modules are checked, and the state, the timeline entry and the event
 * publication are written together.
 */
@Service
public class Cases {

    /** How far back a report looks for duplicates (WORKFLOW.md, "Duplicates"). */
    public static final int DUPLICATE_WINDOW_HOURS = 72;

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.OPERATOR, Role.SHIFT_LEAD, Role.DISPATCHER,
            Role.LEADER, Role.ADMIN);

    private final CaseRepository repository;
    private final CaseNumbers numbers;
    private final CaseQueries queries;
    private final Clocks clocks;
    private final Calendars calendars;
    private final Catalog catalog;
    private final Locator locator;
    private final OrgDirectory org;
    private final Routing routing;
    private final Clock clock;
    private final CaseEvidence evidence;
    private final TransactionTemplate tx;
    private final CaseWriter writer;

    Cases(CaseRepository repository, CaseNumbers numbers, CaseQueries queries, StageClockCalculator calculator,
          StageLimits limits, Calendars calendars, Catalog catalog, Locator locator, OrgDirectory org,
          Routing routing, Clock clock, CaseEvidence evidence, TransactionTemplate tx, CaseWriter writer) {
        this.repository = repository;
        this.numbers = numbers;
        this.queries = queries;
        this.clocks = new Clocks(calculator, limits);
        this.calendars = calendars;
        this.catalog = catalog;
        this.locator = locator;
        this.org = org;
        this.routing = routing;
        this.clock = clock;
        this.evidence = evidence;
        this.tx = tx;
        this.writer = writer;
    }

    /** A report as the API receives it, before its class and location are resolved. */
    public record NewCase(Channel channel, ClassKind kind, String classCode, double lon, double lat, Crs crs,
                          String address, String description, boolean selfHandled, String reporterName,
                          String reporterPhone, String externalId, String componentId) {

        /** A report that names no component. */
        public NewCase(Channel channel, ClassKind kind, String classCode, double lon, double lat, Crs crs,
                       String address, String description, boolean selfHandled, String reporterName,
                       String reporterPhone, String externalId) {
            this(channel, kind, classCode, lon, lat, crs, address, description, selfHandled, reporterName,
                    reporterPhone, externalId, null);
        }
    }

    /** 上报: 422 for an unknown class, a point outside every grid of the platform or a component not in the inventory. */
    public Case report(NewCase r, Actor by) {
        return report(r, by, NOTHING_MORE);
    }

    /** No further work in the report's transaction: the case may then be stored in one statement. */
    private static final java.util.function.Consumer<Case> NOTHING_MORE = c -> {
    };

    /**
     * As {@link #report(NewCase, Actor)}; {@code inSameTransaction} runs after the case is saved, in its transaction
     * (the idempotency key of {@link IdempotentReports}).
     * <p>
     * The case number is drawn first, in a short transaction of its own, when the caller has no transaction open: the
     * daily counter row is then locked for one statement, not for the whole report, so reports from many clients and
     * nodes do not queue behind each other (docs/CASES.md, "Case numbers"). The price: a report that fails after its
     * number was drawn (only a database failure can: every check comes before) leaves a gap in the day's numbers.
     * Inside a caller's transaction the number is drawn in that transaction, and given back if it rolls back. With no
     * transaction open and nothing more to do in it, the case is then stored by {@link CaseWriter#insertAlone} (one
     * statement on PostgreSQL).
     */
    Case report(NewCase r, Actor by, java.util.function.Consumer<Case> inSameTransaction) {
        var at = now();
        var cls = catalog.find(r.kind(), r.classCode()).orElseThrow(() -> new DomainException.Invalid("classCode",
                "cases.report.class-unknown", r.kind(), r.classCode()));
        var crs = r.crs() == null ? Crs.WGS84 : r.crs();
        var wgs = crs.toWgs84(r.lon(), r.lat());
        var location = locator.locate(wgs.lon(), wgs.lat()).orElseThrow(() -> new DomainException.Invalid("lon",
                "cases.report.outside", r.lon(), r.lat()));
        var component = routing.checkedComponent(r.componentId());
        var limit = cls.handleLimit();
        var report = new NewReport(r.channel(), cls.kind(), cls.code(), new Limit(limit.amount(), limit.unit()),
                cls.urgent(), r.selfHandled(), wgs.lon(), wgs.lat(), location, r.address(), r.description(),
                r.reporterName(), r.reporterPhone(), r.externalId(), component);
        Case.requireReporterRole(report, by);
        var day = at.atZone(calendars.zone()).toLocalDate();
        var drawn = TransactionSynchronizationManager.isActualTransactionActive() ? null : numbers.nextCommitted(day);
        if (drawn != null && inSameTransaction == NOTHING_MORE) {
            return writer.insertAlone(Case.report(report, by, drawn, at, clocks));
        }
        return tx.execute(s -> {
            var number = drawn != null ? drawn : numbers.next(day);
            var saved = writer.insert(Case.report(report, by, number, at, clocks));
            inSameTransaction.accept(saved);
            return saved;
        });
    }

    /** Takes an action on a case at the version the caller saw; a stale version is a 409. */
    @Transactional
    public Case act(long id, CaseAction action, int version, ActionInput in, Actor by) {
        var c = load(id);
        if (c.version() != version) {
            throw new DomainException.Conflict("cases.version.stale", version, c.version());
        }
        var before = CaseWriter.Snapshot.of(c);
        if ((action == CaseAction.SEND_VERIFY || action == CaseAction.SEND_CHECK)
                && (in.supervisor() == null || in.supervisor().isBlank())) {
            in = withGridSupervisor(c, in);
        }
        if (action == CaseAction.DISPATCH && !by.isSystem()) {
            in = in.withReason(routing.dispatchReason(c, in.departmentCode()));
        }
        CaseActions.perform(c, action, in, by, now(), clocks);
        checkReferences(c, action, in);
        evidence.check(c, action, in);
        return writer.update(c, before);
    }

    /**
     * Verify and check tasks go by default to the supervisor of the case's supervision grid (WORKFLOW.md); without one
     * the input stays as it is and the action asks for a supervisor.
     */
    private ActionInput withGridSupervisor(Case c, ActionInput in) {
        return locator.locate(c.lon(), c.lat()).map(GridLocation::supervisor)
                .map(supervisor -> new ActionInput(in.note(), in.departmentCode(), supervisor, in.amount(), in.unit(),
                        in.reason(), in.parentId(), in.passed(), in.urgent(), in.attachmentIds()))
                .orElse(in);
    }

    private void checkReferences(Case c, CaseAction action, ActionInput in) {
        switch (action) {
            case DISPATCH -> {
                if (!org.departmentExists(in.departmentCode())) {
                    throw new DomainException.Invalid("departmentCode", "cases.department.unknown",
                            in.departmentCode());
                }
            }
            case SEND_VERIFY, SEND_CHECK -> {
                if (org.person(in.supervisor()).filter(p -> p.enabled() && p.hasRole(Role.SUPERVISOR)).isEmpty()) {
                    throw new DomainException.Invalid("supervisor", "cases.supervisor.unknown", in.supervisor());
                }
            }
            case MERGE -> {
                var parent = repository.findById(in.parentId()).orElseThrow(() -> new DomainException.Invalid(
                        "parentId", "cases.merge.parent-unknown", in.parentId()));
                if (!parent.status().isOpen()) {
                    throw new DomainException.Invalid("parentId", "cases.merge.parent-closed", parent.caseNo());
                }
            }
            default -> { }
        }
    }

    /** The case if the viewer may see it (a 404 otherwise, so that case numbers do not leak). */
    @Transactional(readOnly = true)
    public Case get(long id, Actor viewer) {
        var c = load(id);
        if (!canSee(c, viewer)) {
            throw new DomainException.NotFound("cases.not-found", id);
        }
        return c;
    }

    /** The case with this number if the viewer may see it (e.g. the parent of a merge typed on the case page). */
    @Transactional(readOnly = true)
    public java.util.Optional<Case> findByCaseNo(String caseNo, Actor viewer) {
        return repository.findByCaseNo(caseNo).filter(c -> canSee(c, viewer));
    }

    @Transactional(readOnly = true)
    public PageResult<Case> search(CaseFilter filter, Paging paging, Actor viewer) {
        var page = queries.search(filter, visibility(viewer), clock.instant(), calendars.zone(), paging.offset(),
                paging.size());
        return new PageResult<>(byIds(page.ids()), paging.page(), paging.size(), page.total());
    }

    /** The cases with these ids, in the order of the ids. */
    private List<Case> byIds(List<Long> ids) {
        Map<Long, Case> byId = repository.findAllById(ids).stream()
                .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /**
     * One page of a work queue, selected, ordered (most urgent first) and paged in SQL; see {@link QueueSpec} and
     * {@code CaseQueries.queue}. The viewer's visibility applies as in {@link #search}.
     */
    @Transactional(readOnly = true)
    public PageResult<Case> queue(QueueSpec spec, Paging paging, Actor viewer) {
        return queue(spec, QueueFilter.none(), paging, viewer);
    }

    /** As {@link #queue(QueueSpec, Paging, Actor)}, narrowed by what the person asked for. */
    @Transactional(readOnly = true)
    public PageResult<Case> queue(QueueSpec spec, QueueFilter filter, Paging paging, Actor viewer) {
        var page = queries.queue(spec, filter, visibility(viewer), now(), paging.offset(), paging.size());
        return new PageResult<>(byIds(page.ids()), paging.page(), paging.size(), page.total());
    }

    /** Now, to the millisecond: what is stored is what the caller is shown. */
    /**
     * Duplicate candidates of a case that may still be merged: open cases of its class within the class's radius,
     * reported in the {@value #DUPLICATE_WINDOW_HOURS} hours before it. Empty once the case is past filing.
     * <p>
     * One query, so no transaction of its own: beginning and committing one was a third of this method's CPU in the
     * intake profile (docs/PERFORMANCE.md, "Report intake").
     */
    public List<DuplicateCandidate> duplicateCandidates(Case c) {
        if (!TransitionTable.of(CaseAction.MERGE).from().contains(c.status())) {
            return List.of();
        }
        int radius = catalog.find(c.kind(), c.classCode()).map(cls -> cls.duplicateRadiusMeters()).orElse(50);
        return queries.nearby(c.kind(), c.classCode(), c.lon(), c.lat(), radius,
                c.reportedAt().minus(Duration.ofHours(DUPLICATE_WINDOW_HOURS)), c.reportedAt(),
                c.id() == null ? null : c.id().value());
    }

    /**
     * Duplicate candidates of a report not made yet, for showing to a reporter before they submit: open cases of the
     * class within its radius, reported in the last {@value #DUPLICATE_WINDOW_HOURS} hours, nearest first.
     */
    public List<DuplicateCandidate> duplicateCandidates(ClassKind kind, String classCode, double lon, double lat) {
        var cls = catalog.find(kind, classCode);
        if (cls.isEmpty()) {
            return List.of();
        }
        var at = now();
        return queries.nearby(kind, classCode, lon, lat, cls.get().duplicateRadiusMeters(),
                at.minus(Duration.ofHours(DUPLICATE_WINDOW_HOURS)), at, null);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Clocks clocks() {
        return clocks;
    }

    private Case load(long id) {
        return repository.findById(id).orElseThrow(() -> new DomainException.NotFound("cases.not-found", id));
    }

    static boolean canSee(Case c, Actor viewer) {
        if (viewer.roles().stream().anyMatch(SEE_ALL::contains)) {
            return true;
        }
        var ownDepartment = viewer.holds(Role.DEPT_HANDLER) && viewer.departmentCode() != null
                && c.assignments().stream().anyMatch(a -> a.departmentCode().equals(viewer.departmentCode()));
        return ownDepartment || (viewer.holds(Role.SUPERVISOR) && c.isSupervisorOf(viewer.username()));
    }

    private static CaseQueries.Visibility visibility(Actor viewer) {
        if (viewer.roles().stream().anyMatch(SEE_ALL::contains)) {
            return new CaseQueries.Visibility(true, null, null);
        }
        return new CaseQueries.Visibility(false,
                viewer.holds(Role.DEPT_HANDLER) ? viewer.departmentCode() : null,
                viewer.holds(Role.SUPERVISOR) ? viewer.username() : null);
    }
}
