package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.citygrid.CityGridApplication;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.internal.CaseQueries;
import org.citygrid.cases.internal.sla.SlaMonitor;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.platform.web.Paging;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The work queues' selection and order, done in SQL by {@link Cases#queue}: red before yellow before green (yellow as
 * the SLA monitor recorded it), then the earliest running deadline, then the oldest report. Runs on H2 and on
 * PostgreSQL through the two subclasses; time is moved by hand.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
abstract class CaseQueueContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);
    static final Actor LEADER = Actor.of("leader", null, Role.LEADER);
    static final Actor WATER = Actor.of("h-water", "water", Role.DEPT_HANDLER);
    static final Actor DRAINAGE = Actor.of("h-drainage", "drainage", Role.DEPT_HANDLER);
    static final QueueSpec EVERY_OPEN_CASE = QueueSpec.all(CaseStatus.open(), null);

    @Autowired
    Cases cases;
    @Autowired
    SlaMonitor monitor;
    @Autowired
    MutableClock clock;
    @Autowired
    CaseQueries queries;
    @Autowired
    JdbcClient jdbc;

    static final CaseQueries.Visibility ALL = new CaseQueries.Visibility(true, null, null);

    static Instant local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    private Case reportAt(Instant t, Channel channel, Actor by) {
        clock.set(t);
        return cases.report(new Cases.NewCase(channel, ClassKind.COMPONENT, "01001", 116.4039, 39.9151, null, null,
                "井盖破损", false, null, null, null), by);
    }

    private Case act(Case c, CaseAction action, ActionInput in, Actor by) {
        return cases.act(c.id().value(), action, c.version(), in, by);
    }

    /** A hotline report sent to a supervisor for verification: its running clock is VERIFY (60 working minutes). */
    private Case sentToVerify(Instant reported, Instant sent, String supervisor) {
        var c = reportAt(reported, Channel.HOTLINE, OPERATOR);
        clock.set(sent);
        return act(c, CaseAction.SEND_VERIFY, ActionInput.NONE.withSupervisor(supervisor), OPERATOR);
    }

    private Case filed(Instant t) {
        var c = reportAt(t, Channel.SUPERVISOR, SUPERVISOR);
        c = act(c, CaseAction.ACCEPT, ActionInput.NONE, OPERATOR);
        return act(c, CaseAction.FILE, ActionInput.NONE, SHIFT_LEAD);
    }

    private Case dispatched(Instant t, String department) {
        return act(filed(t), CaseAction.DISPATCH, ActionInput.NONE.withDepartment(department), DISPATCHER);
    }

    /** The ids of the whole queue, in its order, read page by page. */
    private List<Long> queue(QueueSpec spec, Actor viewer) {
        var ids = new ArrayList<Long>();
        for (int p = 0; ; p++) {
            var page = cases.queue(spec, Paging.of(p, 50), viewer);
            page.items().forEach(c -> ids.add(c.id().value()));
            if (page.items().size() < 50) {
                assertThat(page.total()).as("the count agrees with the rows").isEqualTo(ids.size());
                return ids;
            }
        }
    }

    /** The given cases in the order the queue lists them (other tests' cases left out). */
    private List<Long> orderOf(QueueSpec spec, Actor viewer, Case... mine) {
        var ids = List.of(mine).stream().map(c -> c.id().value()).toList();
        return queue(spec, viewer).stream().filter(ids::contains).toList();
    }

    private static List<Long> ids(Case... cs) {
        return List.of(cs).stream().map(c -> c.id().value()).toList();
    }

    /** The ids of the whole filtered queue (one page is enough here). */
    private List<Long> filtered(QueueFilter filter, Case... mine) {
        var ids = List.of(mine).stream().map(c -> c.id().value()).toList();
        return cases.queue(EVERY_OPEN_CASE, filter, Paging.of(0, 500), LEADER).items().stream()
                .map(c -> c.id().value()).filter(ids::contains).toList();
    }

    @Test
    void theCaseListsOverdueFilterIsTheSameWhetherItReadsOverdueIdsFirstOrProbesEveryCase() {
        // reported Friday 2026-11-20 at 17:00: ACCEPT is due 17:10 that day; the other on Monday 09:00, due 09:10
        var overdue = reportAt(local(11, 20, 17, 0), Channel.SUPERVISOR, SUPERVISOR);
        var fresh = reportAt(local(11, 23, 9, 0), Channel.SUPERVISOR, SUPERVISOR);
        clock.set(local(11, 23, 9, 5));
        var days = List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23));
        for (var day : days) {
            var onlyOverdue = new CaseFilter(null, null, null, null, null, null, null, true, day, day);
            var notOverdue = new CaseFilter(null, null, null, null, null, null, null, false, day, day);
            var byIds = queries.search(onlyOverdue, ALL, clock.instant(), ZONE, 0, 500);
            var byProbes = new CaseQueries(jdbc, 0).search(onlyOverdue, ALL, clock.instant(), ZONE, 0, 500);
            assertThat(byIds).isEqualTo(byProbes);
            assertThat(byIds.total()).isEqualTo(byIds.ids().size());
            var others = queries.search(notOverdue, ALL, clock.instant(), ZONE, 0, 500).ids();
            assertThat(byIds.ids()).noneMatch(others::contains);
            assertThat(day.getDayOfMonth() == 20 ? byIds.ids() : others).contains(
                    (day.getDayOfMonth() == 20 ? overdue : fresh).id().value());
        }
        var page = cases.search(new CaseFilter(null, null, null, null, null, null, null, true, days.get(0),
                days.get(1)), Paging.of(0, 500), LEADER).items().stream().map(c -> c.id().value()).toList();
        assertThat(page).contains(overdue.id().value()).doesNotContain(fresh.id().value());
        var none = new CaseQueries(jdbc, 5).search(new CaseFilter(null, null, null, null, null, null, null, true,
                null, null), new CaseQueries.Visibility(false, "no-such-department", null), clock.instant(), ZONE, 0, 20);
        assertThat(none.ids()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void aQueueNarrowsToOverdueCasesAClassAndARegion() {
        // reported Friday 2026-11-20 at 17:00: ACCEPT (10 working minutes) is due 17:10 that day
        var overdue = reportAt(local(11, 20, 17, 0), Channel.SUPERVISOR, SUPERVISOR);
        var fresh = reportAt(local(11, 20, 17, 5), Channel.SUPERVISOR, SUPERVISOR);
        clock.set(local(11, 20, 17, 12));

        assertThat(filtered(new QueueFilter(true, null, null), overdue, fresh)).containsExactly(overdue.id().value());
        assertThat(filtered(new QueueFilter(false, "01", fresh.streetCode()), overdue, fresh))
                .containsExactlyInAnyOrder(overdue.id().value(), fresh.id().value());
        assertThat(filtered(new QueueFilter(false, "01001", fresh.gridCode()), overdue, fresh)).hasSize(2);
        assertThat(filtered(new QueueFilter(false, "02", null), overdue, fresh)).isEmpty();
        assertThat(filtered(new QueueFilter(false, null, "110102"), overdue, fresh)).isEmpty();
        assertThat(new QueueFilter(true, "1x", "11%")).isEqualTo(new QueueFilter(true, null, null));
    }

    @Test
    void redComesBeforeYellowBeforeGreenThenTheEarliestDeadlineThenTheOldestReport() {
        // red: VERIFY from Friday 17:50, 10 working minutes on Friday and 50 on Monday: due Monday 08:50
        var redLate = sentToVerify(local(11, 20, 17, 45), local(11, 20, 17, 50), "supervisor4");
        // red: reported on Saturday, ACCEPT due Monday 08:10 for both; the older report first
        var redWeekend1 = reportAt(local(11, 21, 12, 0), Channel.SUPERVISOR, SUPERVISOR);
        var redWeekend2 = reportAt(local(11, 21, 13, 0), Channel.SUPERVISOR, SUPERVISOR);
        // yellow at 09:00: VERIFY from 08:10, due 09:10, 80 % reached at 08:58
        var yellow = sentToVerify(local(11, 23, 8, 5), local(11, 23, 8, 10), "supervisor4");
        // green at 09:00: ACCEPT due 09:05 (earlier than the yellow's deadline), 80 % only at 09:03
        var green = reportAt(local(11, 23, 8, 55), Channel.SUPERVISOR, SUPERVISOR);

        clock.set(local(11, 23, 9, 0));
        monitor.pass();

        var now = cases.now();
        var calc = cases.clocks().calculator();
        assertThat(cases.get(yellow.id().value(), LEADER).light(now, calc)).isEqualTo(Light.YELLOW);
        assertThat(cases.get(green.id().value(), LEADER).light(now, calc)).isEqualTo(Light.GREEN);
        assertThat(orderOf(EVERY_OPEN_CASE, LEADER, green, yellow, redWeekend2, redWeekend1, redLate))
                .isEqualTo(ids(redWeekend1, redWeekend2, redLate, yellow, green));
    }

    @Test
    void aClockTheMonitorHasNotWatchedYetCountsAsGreenUntilItsFirstPass() {
        // VERIFY from 08:10, due 09:10, yellow from 08:58: watched (and yellow) by the pass at 08:59
        var watched = sentToVerify(local(11, 24, 8, 5), local(11, 24, 8, 10), "supervisor4");
        clock.set(local(11, 24, 8, 59));
        monitor.pass();
        // ACCEPT from 08:59, due 09:09, yellow from 09:07: not watched before 09:08
        var unwatched = reportAt(local(11, 24, 8, 59), Channel.SUPERVISOR, SUPERVISOR);

        clock.set(local(11, 24, 9, 8));
        assertThat(cases.get(unwatched.id().value(), LEADER).light(cases.now(), cases.clocks().calculator()))
                .as("the domain already sees yellow").isEqualTo(Light.YELLOW);
        assertThat(orderOf(EVERY_OPEN_CASE, LEADER, watched, unwatched)).isEqualTo(ids(watched, unwatched));

        monitor.pass();
        assertThat(orderOf(EVERY_OPEN_CASE, LEADER, watched, unwatched))
                .as("both yellow: the earlier deadline first").isEqualTo(ids(unwatched, watched));
    }

    @Test
    void theDispatchersQueueHoldsCasesToDispatchAndPendingReturnExtensionAndParkRequests() {
        var t = local(11, 25, 9, 0);
        var toDispatch = filed(t);
        var quiet = dispatched(t, "water");
        var extension = act(dispatched(t, "water"), CaseAction.RECEIVE, ActionInput.NONE, WATER);
        extension = act(extension, CaseAction.REQUEST_EXTENSION,
                ActionInput.NONE.withReason("材料未到").withAmount(1, TimeUnit.WORK_DAYS), WATER);
        var decided = act(dispatched(t, "water"), CaseAction.RECEIVE, ActionInput.NONE, WATER);
        decided = act(decided, CaseAction.REQUEST_EXTENSION,
                ActionInput.NONE.withReason("材料未到").withAmount(1, TimeUnit.WORK_DAYS), WATER);
        decided = act(decided, CaseAction.APPROVE_EXTENSION, ActionInput.NONE, DISPATCHER);

        var spec = QueueSpec.selecting(
                EnumSet.of(CaseStatus.PENDING_DISPATCH, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
                EnumSet.of(CaseStatus.PENDING_DISPATCH),
                EnumSet.of(CaseRequest.Kind.RETURN, CaseRequest.Kind.EXTENSION, CaseRequest.Kind.PARK));
        assertThat(queue(spec, DISPATCHER)).contains(toDispatch.id().value(), extension.id().value())
                .doesNotContain(quiet.id().value(), decided.id().value());
    }

    @Test
    void theShiftLeadsQueueHoldsCasesToFileOrCloseAndPendingVoidRequests() {
        var t = local(11, 26, 9, 0);
        var toFile = act(reportAt(t, Channel.SUPERVISOR, SUPERVISOR), CaseAction.ACCEPT, ActionInput.NONE, OPERATOR);
        var toVoid = act(dispatched(t, "water"), CaseAction.REQUEST_VOID, ActionInput.NONE.withReason("重复上报"),
                DISPATCHER);
        var quiet = dispatched(t, "water");

        var spec = QueueSpec.selecting(CaseStatus.open(),
                EnumSet.of(CaseStatus.PENDING_FILING, CaseStatus.PENDING_CLOSE), Set.of(CaseRequest.Kind.VOID));
        assertThat(queue(spec, SHIFT_LEAD)).contains(toFile.id().value(), toVoid.id().value())
                .doesNotContain(quiet.id().value());
    }

    @Test
    void aSupervisorsQueueHoldsTheirOwnVerifyTasksOnly() {
        var task = sentToVerify(local(11, 27, 9, 0), local(11, 27, 9, 1), "supervisor4");
        var supervisor4 = Actor.of("supervisor4", null, Role.SUPERVISOR);
        var supervisor3 = Actor.of("supervisor3", null, Role.SUPERVISOR);
        assertThat(queue(QueueSpec.tasksOf("supervisor4"), supervisor4)).contains(task.id().value());
        assertThat(queue(QueueSpec.tasksOf("supervisor3"), supervisor3)).doesNotContain(task.id().value());
    }

    @Test
    void aDepartmentsQueueHoldsItsOwnCasesAndAViewerSeesOnlyWhatTheyMaySee() {
        var water = dispatched(local(11, 30, 9, 0), "water");
        var handling = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
        assertThat(queue(QueueSpec.all(handling, "water"), WATER)).contains(water.id().value());
        assertThat(queue(QueueSpec.all(handling, "drainage"), DRAINAGE)).doesNotContain(water.id().value());
        // the leader's spec, but a drainage handler's eyes
        assertThat(queue(EVERY_OPEN_CASE, DRAINAGE)).doesNotContain(water.id().value());
        assertThat(queue(EVERY_OPEN_CASE, WATER)).contains(water.id().value());
    }
}
