package org.citygrid.workbench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseFilter;
import org.citygrid.cases.CaseRequest;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.DispatchSuggestion;
import org.citygrid.cases.Routing;
import org.citygrid.cases.Light;
import org.citygrid.cases.StageClock;
import org.citygrid.catalog.Catalog;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Paging;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The work queue of a workbench: the cases its role acts on next, found with the case module's own search (so the
 * viewer sees exactly what the API would show them), most urgent first (red, yellow, green; then the earliest running
 * deadline; then the oldest report), twenty to a page.
 */
@Component
class WorkbenchQueue {

    static final int PAGE_SIZE = 20;
    /** The queue is ordered in memory: at most this many cases are read (demo and district scale). */
    static final int MAX_CASES = 5_000;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private static final Set<CaseRequest.Kind> DISPATCHER_REQUESTS = EnumSet.of(CaseRequest.Kind.RETURN,
            CaseRequest.Kind.EXTENSION, CaseRequest.Kind.PARK);

    /** One row of the queue table; a case waiting for dispatch carries the routing suggestion. */
    record Row(long id, String caseNo, String classCode, String className, CaseStatus status, String gridCode,
               String reportedAt, String deadline, Light light, boolean overdue, DispatchSuggestion suggestion) {
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
        var actor = actor(user);
        var now = cases.now();
        var calc = cases.clocks().calculator();
        var candidates = find(filter(workbench, actor), actor).stream().filter(selects(workbench, actor)).toList();
        Comparator<Case> urgency = Comparator.comparing((Case c) -> c.light(now, calc)).reversed();
        urgency = urgency.thenComparing(c -> currentDeadline(c).orElse(Instant.MAX))
                .thenComparing(Case::reportedAt);
        var sorted = candidates.stream().sorted(urgency).toList();
        int totalPages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 0), totalPages - 1);
        var rows = sorted.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE)
                .map(c -> row(c, now, workbench == Workbench.DISPATCHER)).toList();
        return new QueuePage(rows, p, totalPages, sorted.size());
    }

    private Row row(Case c, Instant now, boolean withSuggestion) {
        var calc = cases.clocks().calculator();
        var name = catalog.find(c.kind(), c.classCode()).map(cls -> cls.name()).orElse("");
        return new Row(c.id().value(), c.caseNo(), c.classCode(), name, c.status(), c.gridCode(),
                TIME.format(c.reportedAt()), currentDeadline(c).map(TIME::format).orElse(null), c.light(now, calc),
                c.stages().stream().anyMatch(s -> s.isRunning() && s.isOverdue(now)),
                withSuggestion && c.status() == CaseStatus.PENDING_DISPATCH
                        ? routing.suggest(c, LocaleContextHolder.getLocale()) : null);
    }

    private static java.util.Optional<Instant> currentDeadline(Case c) {
        return c.stages().stream().filter(StageClock::isRunning).map(StageClock::deadline)
                .min(Comparator.naturalOrder());
    }

    private List<Case> find(CaseFilter filter, Actor actor) {
        var all = new ArrayList<Case>();
        for (int p = 0; all.size() < MAX_CASES; p++) {
            var page = cases.search(filter, Paging.of(p, Paging.MAX_SIZE), actor);
            all.addAll(page.items());
            if (page.items().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        return all;
    }

    static CaseFilter filter(Workbench w, Actor actor) {
        Set<CaseStatus> statuses = switch (w) {
            case OPERATOR -> EnumSet.of(CaseStatus.REPORTED, CaseStatus.PENDING_CHECK);
            case SHIFT_LEAD, LEADER -> CaseStatus.open();
            case DISPATCHER -> EnumSet.of(CaseStatus.PENDING_DISPATCH, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
            case DEPARTMENT -> EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
            case SUPERVISOR -> EnumSet.of(CaseStatus.PENDING_VERIFY, CaseStatus.PENDING_CHECK);
            case ADMIN -> Set.of();
        };
        // a department handler's queue is their own department's, even when another role would show them more
        var department = w == Workbench.DEPARTMENT ? Objects.requireNonNullElse(actor.departmentCode(), "-") : null;
        return new CaseFilter(statuses, department, null, null, null, null, null, null, null, null);
    }

    static Predicate<Case> selects(Workbench w, Actor actor) {
        return switch (w) {
            case SHIFT_LEAD -> c -> c.status() == CaseStatus.PENDING_FILING || c.status() == CaseStatus.PENDING_CLOSE
                    || c.pending(CaseRequest.Kind.VOID).isPresent();
            case DISPATCHER -> c -> c.status() == CaseStatus.PENDING_DISPATCH
                    || c.requests().stream().anyMatch(r -> r.isPending() && DISPATCHER_REQUESTS.contains(r.kind()));
            case SUPERVISOR -> c -> (c.status() == CaseStatus.PENDING_VERIFY && actor.username().equals(c.verifier()))
                    || (c.status() == CaseStatus.PENDING_CHECK && actor.username().equals(c.checker()));
            case ADMIN -> c -> false;
            default -> c -> true;
        };
    }

    static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }
}
