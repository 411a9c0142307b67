package org.citygrid.workbench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseRequest;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.DispatchSuggestion;
import org.citygrid.cases.Routing;
import org.citygrid.cases.Light;
import org.citygrid.cases.QueueFilter;
import org.citygrid.cases.QueueSpec;
import org.citygrid.cases.StageClock;
import org.citygrid.catalog.Catalog;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Paging;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The work queue of a workbench: the cases its role acts on next, selected, ordered and paged by the case module in SQL
 * ({@link Cases#queue}, with the viewer's visibility as the API applies it), most urgent first (red, yellow, green;
 * then the earliest running deadline; then the oldest report), twenty to a page. Rows are built for the one page.
 */
@Component
class WorkbenchQueue {

    static final int PAGE_SIZE = 20;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private static final Set<CaseRequest.Kind> DISPATCHER_REQUESTS = EnumSet.of(CaseRequest.Kind.RETURN,
            CaseRequest.Kind.EXTENSION, CaseRequest.Kind.PARK);

    /** One row of the queue table (with the point for the operator's map); a case waiting for dispatch carries the routing suggestion. */
    record Row(long id, String caseNo, String classCode, String className, CaseStatus status, String gridCode,
               String reportedAt, String deadline, Light light, boolean overdue, DispatchSuggestion suggestion,
               double lon, double lat) {
    }

    /** One page of rows; {@code page} is 0-based. */
    record QueuePage(List<Row> rows, int page, int totalPages, long total) {
    }

    private final Cases cases;
    private final Catalog catalog;
    private final Routing routing;

    WorkbenchQueue(Cases cases, Catalog catalog, Routing routing) {
        this.cases = cases;
        this.catalog = catalog;
        this.routing = routing;
    }

    /** Whether the workbench has a queue at all (the admin's has none). */
    static boolean hasQueue(Workbench w) {
        return w != Workbench.ADMIN;
    }

    QueuePage page(Workbench workbench, CurrentUser user, int page) {
        return page(workbench, user, page, QueueFilter.none());
    }

    QueuePage page(Workbench workbench, CurrentUser user, int page, QueueFilter filter) {
        var actor = actor(user);
        var spec = spec(workbench, actor);
        if (spec.isEmpty()) {
            return new QueuePage(List.of(), 0, 1, 0);
        }
        var found = cases.queue(spec.get(), filter, Paging.of(Math.max(page, 0), PAGE_SIZE), actor);
        int totalPages = Math.max(1, found.totalPages());
        if (found.page() >= totalPages && found.total() > 0) {
            // past the last page: show the last one, as before
            found = cases.queue(spec.get(), filter, Paging.of(totalPages - 1, PAGE_SIZE), actor);
        }
        var now = cases.now();
        var rows = found.items().stream().map(c -> row(c, now, workbench == Workbench.DISPATCHER)).toList();
        return new QueuePage(rows, Math.min(found.page(), totalPages - 1), totalPages, found.total());
    }

    private Row row(Case c, Instant now, boolean withSuggestion) {
        var calc = cases.clocks().calculator();
        var name = catalog.find(c.kind(), c.classCode()).map(cls -> cls.name()).orElse("");
        return new Row(c.id().value(), c.caseNo(), c.classCode(), name, c.status(), c.gridCode(),
                TIME.format(c.reportedAt()), currentDeadline(c).map(TIME::format).orElse(null), c.light(now, calc),
                c.stages().stream().anyMatch(s -> s.isRunning() && s.isOverdue(now)),
                withSuggestion && c.status() == CaseStatus.PENDING_DISPATCH
                        ? routing.suggest(c, LocaleContextHolder.getLocale()) : null, c.lon(), c.lat());
    }

    private static Optional<Instant> currentDeadline(Case c) {
        return c.stages().stream().filter(StageClock::isRunning).map(StageClock::deadline)
                .min(Comparator.naturalOrder());
    }

    /** What the workbench's queue holds; none for the admin. */
    static Optional<QueueSpec> spec(Workbench w, Actor actor) {
        return Optional.ofNullable(switch (w) {
            case OPERATOR -> QueueSpec.all(EnumSet.of(CaseStatus.REPORTED, CaseStatus.PENDING_CHECK), null);
            case LEADER -> QueueSpec.all(CaseStatus.open(), null);
            case SHIFT_LEAD -> QueueSpec.selecting(CaseStatus.open(),
                    EnumSet.of(CaseStatus.PENDING_FILING, CaseStatus.PENDING_CLOSE), EnumSet.of(CaseRequest.Kind.VOID));
            case DISPATCHER -> QueueSpec.selecting(
                    EnumSet.of(CaseStatus.PENDING_DISPATCH, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
                    EnumSet.of(CaseStatus.PENDING_DISPATCH), DISPATCHER_REQUESTS);
            // a department handler's queue is their own department's, even when another role would show them more
            case DEPARTMENT -> QueueSpec.all(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
                    Objects.requireNonNullElse(actor.departmentCode(), "-"));
            case SUPERVISOR -> QueueSpec.tasksOf(actor.username());
            case ADMIN -> null;
        });
    }

    static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }
}
