package org.citygrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.CityGridApplication;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.evaluation.internal.AppealStore;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.geo.Locator;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The acceptance of shared/domain/EVALUATION.md: a hand-made March 2024 (on time, late, returned, extended, parked,
 * reworked, voided, merged, self-handled, appealed, verified, rejected, slow intake), built with the real {@link Cases}
 * API on a hand-moved clock, and every figure of every subject asserted against values worked out by hand in the
 * comments. Runs on H2 and on PostgreSQL through the two subclasses.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor SUP1 = Actor.of("supervisor1", null, Role.SUPERVISOR);
    static final Actor SUP2 = Actor.of("supervisor2", null, Role.SUPERVISOR);
    static final Actor OP = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SL = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    static final Actor DI = Actor.of("dispatcher1", null, Role.DISPATCHER);
    static final Actor HW = Actor.of("h-water", "water", Role.DEPT_HANDLER);
    static final Actor HD = Actor.of("h-drainage", "drainage", Role.DEPT_HANDLER);
    static final double LON = 116.4039;
    static final double LAT = 39.9151;
    static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    static final LocalDate TO = LocalDate.of(2024, 4, 1);
    static final Instant AS_OF = at(4, 10, 0, 0);

    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;
    @Autowired
    Evaluator evaluator;
    @Autowired
    AppealStore appeals;
    @Autowired
    Locator locator;
    @Autowired
    JdbcClient jdbc;

    String gridSupervisor;
    String street;
    Case caseK;
    Case caseL;

    static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2024, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    private Case report(Instant t, Channel channel, Actor by, boolean selfHandled) {
        clock.set(t);
        return cases.report(new Cases.NewCase(channel, ClassKind.COMPONENT, "01001", LON, LAT, null, null,
                "井盖破损", selfHandled, null, null, null), by);
    }

    private Case act(Case c, Instant t, CaseAction action, ActionInput in, Actor by) {
        clock.set(t);
        return cases.act(c.id().value(), action, c.version(), in, by);
    }

    private Case act(Case c, Instant t, CaseAction action, Actor by) {
        return act(c, t, action, ActionInput.NONE, by);
    }

    /** A supervisor1 report on {@code day}: reported 09:00, accepted 09:02, filed 09:05 (all on time). */
    private Case filed(int month, int day) {
        var c = report(at(month, day, 9, 0), Channel.SUPERVISOR, SUP1, false);
        c = act(c, at(month, day, 9, 2), CaseAction.ACCEPT, OP);
        return act(c, at(month, day, 9, 5), CaseAction.FILE, SL);
    }

    private Case dispatch(Case c, Instant t, String department) {
        return act(c, t, CaseAction.DISPATCH, ActionInput.NONE.withDepartment(department), DI);
    }

    private static Actor handler(String department) {
        return department.equals("water") ? HW : HD;
    }

    private Case feedback(Case c, Instant t, String department) {
        return act(c, t, CaseAction.FEEDBACK, ActionInput.note("已处置").withReason("现场无法拍照"),
                handler(department));
    }

    private Case checkTask(Case c, Instant t) {
        return act(c, t, CaseAction.SEND_CHECK, ActionInput.NONE.withSupervisor("supervisor1"), OP);
    }

    private Case check(Case c, Instant t, boolean passed) {
        return act(c, t, CaseAction.CHECK, ActionInput.NONE.withPassed(passed), SUP1);
    }

    /** Received 5 min after {@code t}, feedback at +30, check task +35, passed +50, closed +55: all on time. */
    private Case quickFlow(Case c, Instant t, String department) {
        c = act(c, t.plus(Duration.ofMinutes(5)), CaseAction.RECEIVE, handler(department));
        c = feedback(c, t.plus(Duration.ofMinutes(30)), department);
        c = checkTask(c, t.plus(Duration.ofMinutes(35)));
        c = check(c, t.plus(Duration.ofMinutes(50)), true);
        return act(c, t.plus(Duration.ofMinutes(55)), CaseAction.CLOSE, SL);
    }

    /** Feedback a day after the HANDLE deadline, then checked and closed promptly. */
    private Case lateFlow(Case c, Instant dispatched, String department) {
        c = act(c, dispatched.plus(Duration.ofMinutes(5)), CaseAction.RECEIVE, handler(department));
        var late = c.handleDeadline().orElseThrow().plus(Duration.ofDays(1));
        c = feedback(c, late, department);
        c = checkTask(c, late.plus(Duration.ofMinutes(5)));
        c = check(c, late.plus(Duration.ofMinutes(10)), true);
        return act(c, late.plus(Duration.ofMinutes(15)), CaseAction.CLOSE, SL);
    }

    @BeforeAll
    void history() {
        var place = locator.locate(LON, LAT).orElseThrow();
        gridSupervisor = place.supervisor();
        street = place.streetCode();
        assertThat(gridSupervisor).as("the demo grid at the test point has its own supervisor").isEqualTo("supervisor3");

        // A: on time, water
        var a = filed(3, 4);
        a = quickFlow(dispatch(a, at(3, 4, 9, 10), "water"), at(3, 4, 9, 10), "water");
        // B: disposed late, water
        var b = filed(3, 5);
        b = lateFlow(dispatch(b, at(3, 5, 9, 10), "water"), at(3, 5, 9, 10), "water");
        // C: drainage returns it, water disposes on time
        var c = dispatch(filed(3, 6), at(3, 6, 9, 10), "drainage");
        c = act(c, at(3, 6, 9, 15), CaseAction.RECEIVE, HD);
        c = act(c, at(3, 6, 9, 20), CaseAction.REQUEST_RETURN, ActionInput.NONE.withReason("不属于本单位"), HD);
        c = act(c, at(3, 6, 9, 25), CaseAction.APPROVE_RETURN, DI);
        quickFlow(dispatch(c, at(3, 6, 9, 30), "water"), at(3, 6, 9, 30), "water");
        // D: extended by 5 working days, feedback an hour after the original deadline: on time
        var d = dispatch(filed(3, 7), at(3, 7, 9, 10), "water");
        d = act(d, at(3, 7, 9, 15), CaseAction.RECEIVE, HW);
        var original = d.handleDeadline().orElseThrow();
        d = act(d, at(3, 7, 9, 20), CaseAction.REQUEST_EXTENSION,
                ActionInput.NONE.withAmount(5, TimeUnit.WORK_DAYS).withReason("需协调施工"), HW);
        d = act(d, at(3, 7, 9, 25), CaseAction.APPROVE_EXTENSION, DI);
        var afterOriginal = original.plus(Duration.ofHours(1));
        d = feedback(d, afterOriginal, "water");
        d = checkTask(d, afterOriginal.plus(Duration.ofMinutes(5)));
        d = check(d, afterOriginal.plus(Duration.ofMinutes(10)), true);
        act(d, afterOriginal.plus(Duration.ofMinutes(15)), CaseAction.CLOSE, SL);
        // E: parked over the weekend, resumed, disposed on time
        var e = dispatch(filed(3, 8), at(3, 8, 9, 10), "water");
        e = act(e, at(3, 8, 9, 15), CaseAction.RECEIVE, HW);
        e = act(e, at(3, 8, 9, 20), CaseAction.REQUEST_PARK, ActionInput.NONE.withReason("等待审批"), HW);
        e = act(e, at(3, 8, 9, 25), CaseAction.APPROVE_PARK, DI);
        e = act(e, at(3, 11, 9, 25), CaseAction.RESUME, DI);
        e = feedback(e, at(3, 11, 9, 40), "water");
        e = checkTask(e, at(3, 11, 9, 45));
        e = check(e, at(3, 11, 10, 0), true);
        act(e, at(3, 11, 10, 5), CaseAction.CLOSE, SL);
        // F: reworked once, disposed on time, closed only after the as-of instant
        var f = dispatch(filed(3, 12), at(3, 12, 9, 10), "water");
        f = act(f, at(3, 12, 9, 15), CaseAction.RECEIVE, HW);
        f = feedback(f, at(3, 12, 9, 30), "water");
        f = checkTask(f, at(3, 12, 9, 35));
        f = check(f, at(3, 12, 9, 50), false);
        f = feedback(f, at(3, 12, 10, 30), "water");
        f = checkTask(f, at(3, 12, 10, 35));
        f = check(f, at(3, 12, 10, 50), true);
        act(f, at(4, 15, 10, 0), CaseAction.CLOSE, SL);
        // G: voided after dispatch
        var g = dispatch(filed(3, 13), at(3, 13, 9, 10), "water");
        g = act(g, at(3, 13, 9, 20), CaseAction.REQUEST_VOID, ActionInput.NONE.withReason("重复上报"), OP);
        act(g, at(3, 13, 9, 30), CaseAction.APPROVE_VOID, SL);
        // I: filed a day late, dispatched a working day late, never disposed (overdue and open)
        var i = report(at(3, 14, 9, 0), Channel.SUPERVISOR, SUP1, false);
        i = act(i, at(3, 14, 9, 2), CaseAction.ACCEPT, OP);
        // H: a hotline report merged into I as a duplicate
        var h = report(at(3, 14, 10, 0), Channel.HOTLINE, OP, false);
        act(h, at(3, 14, 10, 5), CaseAction.MERGE, ActionInput.NONE.withParent(i.id().value()), OP);
        i = cases.get(i.id().value(), OP);
        i = act(i, at(3, 15, 9, 5), CaseAction.FILE, SL);
        i = dispatch(i, at(3, 18, 9, 10), "water");
        act(i, at(3, 18, 9, 15), CaseAction.RECEIVE, HW);
        // J: self-handled by supervisor2
        var j = report(at(3, 19, 9, 0), Channel.SUPERVISOR, SUP2, true);
        j = act(j, at(3, 19, 9, 2), CaseAction.ACCEPT, OP);
        act(j, at(3, 19, 9, 10), CaseAction.CLOSE, SL);
        // K: drainage disposes late (appealed below); L: drainage never disposes (appealed below)
        caseK = lateFlow(dispatch(filed(3, 20), at(3, 20, 9, 10), "drainage"), at(3, 20, 9, 10), "drainage");
        caseL = dispatch(filed(3, 21), at(3, 21, 9, 10), "drainage");
        caseL = act(caseL, at(3, 21, 9, 15), CaseAction.RECEIVE, HD);
        // M: hotline report verified on time, water disposes on time
        var m = report(at(3, 22, 9, 0), Channel.HOTLINE, OP, false);
        m = act(m, at(3, 22, 9, 3), CaseAction.SEND_VERIFY, ActionInput.NONE.withSupervisor("supervisor1"), OP);
        m = act(m, at(3, 22, 9, 30), CaseAction.VERIFY, ActionInput.NONE.withPassed(true), SUP1);
        m = act(m, at(3, 22, 9, 35), CaseAction.FILE, SL);
        quickFlow(dispatch(m, at(3, 22, 9, 40), "water"), at(3, 22, 9, 40), "water");
        // N: hotline report rejected
        var n = report(at(3, 25, 9, 0), Channel.HOTLINE, OP, false);
        act(n, at(3, 25, 9, 5), CaseAction.REJECT, ActionInput.NONE.withReason("不属于城管事项"), OP);
        // R: verify task sent late and answered late, check task sent late and answered late; closed on time
        var r = report(at(3, 26, 9, 0), Channel.HOTLINE, OP, false);
        r = act(r, at(3, 26, 10, 0), CaseAction.SEND_VERIFY, ActionInput.NONE.withSupervisor("supervisor1"), OP);
        r = act(r, at(3, 27, 9, 0), CaseAction.VERIFY, ActionInput.NONE.withPassed(true), SUP1);
        r = act(r, at(3, 27, 9, 5), CaseAction.FILE, SL);
        r = dispatch(r, at(3, 27, 9, 10), "water");
        r = act(r, at(3, 27, 9, 15), CaseAction.RECEIVE, HW);
        r = feedback(r, at(3, 27, 9, 30), "water");
        r = checkTask(r, at(3, 27, 11, 0));
        r = check(r, at(3, 28, 9, 0), true);
        act(r, at(3, 28, 9, 5), CaseAction.CLOSE, SL);
        // appeals of K and L: asked on 5 April, approved on 6 April (before the as-of instant)
        clock.set(at(4, 5, 10, 0));
        var appealK = appeals.request(caseK.id().value(), 1, "暴雨导致无法施工", "h-drainage", "drainage");
        var appealL = appeals.request(caseL.id().value(), 1, "需产权单位配合", "h-drainage", "drainage");
        clock.set(at(4, 6, 10, 0));
        appeals.decide(appealK.id(), AppealStore.Decision.APPROVED, "同意", appealK.version(), "leader");
        appeals.decide(appealL.id(), AppealStore.Decision.APPROVED, "同意", appealL.version(), "leader");
        clock.set(AS_OF.plus(Duration.ofDays(30)));
    }

    private Report report(Report.Subject subject, String variant) {
        return evaluator.evaluate(subject, variant, FROM, TO, AS_OF);
    }

    private static Map<String, Object> figures(Object... pairs) {
        var m = new LinkedHashMap<String, Object>();
        for (int k = 0; k < pairs.length; k += 2) {
            var v = pairs[k + 1];
            m.put((String) pairs[k], v instanceof String s ? new BigDecimal(s) : v);
        }
        return m;
    }

    private static void assertRow(Report report, String key, Map<String, Object> expected, String score,
                                  String grade, boolean insufficient) {
        var row = report.row(key);
        assertThat(row).as(key).isNotNull();
        assertThat(row.figures()).as(key).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
        assertThat(row.score()).as(key + " score").isEqualByComparingTo(score);
        assertThat(row.grade()).as(key + " grade").isEqualTo(grade);
        assertThat(row.insufficientSample()).as(key + " sample").isEqualTo(insufficient);
    }

    @Test
    void departmentsCountEveryAssignmentAsTheDocumentSays() {
        var report = report(Report.Subject.DEPARTMENTS, null);
        assertThat(report.rows()).extracting(Report.Row::key).containsExactly("drainage", "water");
        // water: A B C2 D E F G I M R assigned; G voided; disposed A B C2 D E F M R; B late; I overdue and open;
        // closed through water by T: A B C2 D E M R (F closes after T); F reworked, D extended, E parked.
        // closing 7/9, on time 7/9, rework 1/9, extension 1/9; due 9 → volume 100;
        // score = (100×10 + 77.78×30 + 77.78×30 + 88.89×30) / 100 = 83.335 → 83.34 (B)
        assertRow(report, "water", figures("assigned", 10, "returned", 0, "due", 9, "disposed", 8,
                "disposedOnTime", 7, "disposedLate", 1, "overdueOpen", 1, "toClose", 9, "closed", 7, "reworked", 1,
                "extended", 1, "parked", 1, "closingRate", "77.78", "onTimeRate", "77.78", "reworkRate", "11.11",
                "extensionRate", "11.11", "volumeScore", "100"), "83.34", "B", false);
        // drainage: C1 returned; K disposed late but appealed (counts on time); L overdue but appealed (not counted)
        // closing 1/1, on time 1/2, rework 0/1, extension 0/2; score = (1000 + 3000 + 1500 + 3000) / 100 = 85 (B)
        assertRow(report, "drainage", figures("assigned", 3, "returned", 1, "due", 2, "disposed", 1,
                "disposedOnTime", 1, "disposedLate", 0, "overdueOpen", 0, "toClose", 1, "closed", 1, "reworked", 0,
                "extended", 0, "parked", 0, "closingRate", "100.00", "onTimeRate", "50.00", "reworkRate", "0.00",
                "extensionRate", "0.00", "volumeScore", "100"), "85.00", "B", true);
    }

    @Test
    void anAppealCountsOnlyFromItsApproval() {
        // on 5 April the appeals were asked but not yet approved: K is late and L overdue
        var report = evaluator.evaluate(Report.Subject.DEPARTMENTS, null, FROM, TO, at(4, 5, 12, 0));
        // closing 1/2, on time 0/2, rework 0/2, extension 0/2: (1000 + 1500 + 0 + 3000) / 100 = 55 (D)
        assertRow(report, "drainage", figures("assigned", 3, "returned", 1, "due", 2, "disposed", 1,
                "disposedOnTime", 0, "disposedLate", 1, "overdueOpen", 1, "toClose", 2, "closed", 1, "reworked", 0,
                "extended", 0, "parked", 0, "closingRate", "50.00", "onTimeRate", "0.00", "reworkRate", "0.00",
                "extensionRate", "0.00", "volumeScore", "100"), "55.00", "D", true);
    }

    @Test
    void theDrillDownListsWhatWasCountedAndMarksAppealedAssignments() {
        var report = report(Report.Subject.DEPARTMENTS, null);
        var drainage = report.row("drainage");
        assertThat(drainage.items().get("overdueOpen")).singleElement().satisfies(item -> {
            assertThat(item.caseId()).isEqualTo(caseL.id().value());
            assertThat(item.excluded()).isTrue();
        });
        assertThat(drainage.items().get("disposedLate")).singleElement().satisfies(item -> {
            assertThat(item.caseNo()).isEqualTo(caseK.caseNo());
            assertThat(item.excluded()).isTrue();
        });
        assertThat(drainage.items().get("disposedOnTime")).extracting(Report.Item::caseId, Report.Item::excluded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(caseK.id().value(), false));
        for (var row : report.rows()) {
            row.items().forEach((figure, items) -> assertThat(items.stream().filter(i -> !i.excluded()).count())
                    .as(row.key() + " " + figure).isEqualTo(((Integer) row.figures().get(figure)).longValue()));
        }
    }

    @Test
    void supervisorsAreCountedByReportsTasksAndTheirGrids() {
        var report = report(Report.Subject.SUPERVISORS, null);
        assertThat(report.rows()).extracting(Report.Row::key)
                .containsExactlyInAnyOrder("supervisor1", "supervisor2", "supervisor3");
        var none = (Object) null;
        // supervisor1 reported A B C D E F G I K L, all filed; verify tasks M (on time) and R (late); check tasks
        // A B C D E F F K M R, all on time but R's; no grid of theirs (the test point's grid is supervisor3's), so the
        // miss rate is null and the weights renormalise: (100×40 + 50×20 + 90×20) / 80 = 85.00 (B)
        assertRow(report, "supervisor1", figures("reported", 10, "valid", 10, "verifyTasks", 2,
                "verifiedOnTime", 1, "checkTasks", 10, "checkedOnTime", 9, "filedInGrids", 0, "missed", 0,
                "validRate", "100.00", "missRate", none, "verifyOnTimeRate", "50.00", "checkOnTimeRate", "90.00"),
                "85.00", "B", false);
        // supervisor2: one self-handled report; the other rates are null, so validRate alone is the score
        assertRow(report, "supervisor2", figures("reported", 1, "valid", 1, "verifyTasks", 0,
                "verifiedOnTime", 0, "checkTasks", 0, "checkedOnTime", 0, "filedInGrids", 0, "missed", 0,
                "validRate", "100.00", "missRate", none, "verifyOnTimeRate", none, "checkOnTimeRate", none),
                "100.00", "A", true);
        // supervisor3 supervises the grid: filed there A–G I J K L M R = 13, of which M and R came from the hotline;
        // only (1 − missRate) is not null: 100 − 15.38 = 84.62 (B); no reports of their own: insufficient sample
        assertRow(report, "supervisor3", figures("reported", 0, "valid", 0, "verifyTasks", 0,
                "verifiedOnTime", 0, "checkTasks", 0, "checkedOnTime", 0, "filedInGrids", 13, "missed", 2,
                "validRate", none, "missRate", "15.38", "verifyOnTimeRate", none, "checkOnTimeRate", none),
                "84.62", "B", true);
    }

    @Test
    void operatorsAreCountedByIntakeAndTasksSent() {
        var report = report(Report.Subject.POSITIONS, "OPERATOR");
        // accepted: A B C D E F G I J K L (accept), H (merge), M R (send to verify), N (reject) = 15;
        // verify tasks sent M (on time) R (an hour after the report: late); check tasks sent 10, R's late.
        // volume 15 → 0; score = 0×25% + 50×40% + 90×35% = 51.50 (D)
        assertRow(report, "operator1", figures("accepted", 15, "verifySent", 2, "verifySentOnTime", 1,
                "checkSent", 10, "checkSentOnTime", 9, "volumeScore", "0", "verifySentOnTimeRate", "50.00",
                "checkSentOnTimeRate", "90.00"), "51.50", "D", false);
    }

    @Test
    void shiftLeadsAreCountedByFilingAndClosing() {
        var report = report(Report.Subject.POSITIONS, "SHIFT_LEAD");
        // filed A B C D E F G I K L M R = 12, I a day late, G voided; closed in March A B C D E J K M R = 9, on time.
        // score = 91.67×25% + 91.67×40% + 100×35% = 94.5855 → 94.59 (A)
        assertRow(report, "shiftlead1", figures("filed", 12, "filedOnTime", 11, "accurate", 11,
                "closedByThem", 9, "closedOnTime", 9, "filedOnTimeRate", "91.67", "accurateRate", "91.67",
                "closedOnTimeRate", "100.00"), "94.59", "A", false);
    }

    @Test
    void dispatchersAreCountedByDispatches() {
        var report = report(Report.Subject.POSITIONS, "DISPATCHER");
        // dispatched A B C1 C2 D E F G I K L M R = 13; I's a working day late; C1 returned.
        // volume 13 → 0; score = 0×20% + 92.31×40% + 92.31×40% = 73.848 → 73.85 (C)
        assertRow(report, "dispatcher1", figures("dispatched", 13, "dispatchedOnTime", 12, "accurate", 12,
                "volumeScore", "0", "onTimeRate", "92.31", "accurateRate", "92.31"), "73.85", "C", false);
    }

    @Test
    void regionsCountFiledCasesWithoutDuplicates() {
        int grids = jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid WHERE street_code = :s").param("s", street)
                .query(Integer.class).single();
        assertThat(grids).as("the demo street has enough grids for 13 cases to be ≤ 2 per grid").isGreaterThan(7);
        var report = report(Report.Subject.REGIONS, "STREET");
        // filed A–G I J K L M R = 13 (H merged, N rejected); closed by T: A B C D E J K M R = 9; on time: not B, not K
        // (appeals count for departments only) = 7; public: M R. density ≤ 2 per grid → 90.
        // score = 90×20% + 69.23×40% + 53.85×30% + 84.62×10% = 70.309 → 70.31 (C)
        var perGrid = new BigDecimal(13).divide(new BigDecimal(grids), 2, java.math.RoundingMode.HALF_UP);
        assertRow(report, street, figures("filed", 13, "closed", 9, "closedOnTime", 7, "publicVerified", 2,
                "unitGrids", grids, "closingRate", "69.23", "onTimeClosingRate", "53.85", "publicReportRate", "15.38",
                "filedPerGrid", perGrid, "densityScore", "90"), "70.31", "C", false);

        var streetName = jdbc.sql("SELECT name FROM geo_division WHERE code = :s").param("s", street)
                .query(String.class).single();
        assertThat(report.row(street).name()).as("a street is shown by its name").isEqualTo(streetName)
                .isNotEqualTo(street);
        var community = locator.locate(LON, LAT).orElseThrow().communityCode();
        var communityName = jdbc.sql("SELECT name FROM geo_division WHERE code = :c").param("c", community)
                .query(String.class).single();
        assertThat(report(Report.Subject.REGIONS, "COMMUNITY").row(community).name()).isEqualTo(communityName);

        var grid = report(Report.Subject.REGIONS, "GRID");
        // one grid with 13 filed cases: more than 8 per grid → 0; score = 0 + 27.692 + 16.155 + 8.462 → 52.31 (D)
        var gridCode = locator.locate(LON, LAT).orElseThrow().gridCode();
        assertRow(grid, gridCode, figures("filed", 13, "closed", 9, "closedOnTime", 7, "publicVerified", 2,
                "unitGrids", 1, "closingRate", "69.23", "onTimeClosingRate", "53.85", "publicReportRate", "15.38",
                "filedPerGrid", "13.00", "densityScore", "0"), "52.31", "D", false);
        assertThat(grid.row(gridCode).name()).as("a unit grid has no name but its code").isEqualTo(gridCode);
    }

    @Test
    void theSameQueryGivesTheSameNumbers() {
        for (var subject : Report.Subject.values()) {
            var first = report(subject, null);
            var again = report(subject, null);
            assertThat(again.rows()).extracting(Report.Row::figures)
                    .isEqualTo(first.rows().stream().map(Report.Row::figures).toList());
        }
    }

}
