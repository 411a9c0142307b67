package org.citygrid.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;
import org.citygrid.org.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process part of a transition (issue 7): a supervisor's report taken through the whole loop — accept, file,
 * dispatch, receive, feedback, send-check, check, close — on the case aggregate with the state machine, the rule
 * checks and the stage clocks' calendar arithmetic, no database. One operation = a report and its eight
 * transitions. In the benchmark's package because the stage clock calculator's factory is the cases module's own.
 * Run with {@code org.citygrid.bench.Benchmarks TransitionLoop} (docs/PERFORMANCE.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class TransitionLoopBenchmark {

    private static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    private static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    private static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    private static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);
    private static final Actor WATER = Actor.of("h-water", "water", Role.DEPT_HANDLER);
    private static final GridLocation GRID = new GridLocation("110101001001001", "110101001001", "110101001",
            "110101", "SG-01", "supervisor1");

    Clocks clocks;
    NewReport report;
    Instant start;

    @Setup
    public void build() {
        clocks = new Clocks(StageClockCalculator.of(WorkingCalendar.mondayToFriday()), StageLimits.defaults());
        report = new NewReport(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001",
                new Limit(2, org.citygrid.calendar.TimeUnit.WORK_HOURS), false, false, 116.4039, 39.9151, GRID,
                "东长安街", "井盖破损", null, null, null);
        start = LocalDateTime.of(2026, 11, 23, 8, 30).atZone(WorkingCalendar.DEFAULT_ZONE).toInstant();
    }

    private void act(Case c, CaseAction action, ActionInput in, Actor by, int minutes) {
        CaseActions.perform(c, action, in, by, start.plusSeconds(60L * minutes), clocks);
    }

    @Benchmark
    public Case reportAndEightTransitions() {
        var c = Case.report(report, SUPERVISOR, "2026112300001", start, clocks);
        act(c, CaseAction.ACCEPT, ActionInput.NONE, OPERATOR, 5);
        act(c, CaseAction.FILE, ActionInput.NONE, SHIFT_LEAD, 15);
        act(c, CaseAction.DISPATCH, ActionInput.NONE.withDepartment("water"), DISPATCHER, 30);
        act(c, CaseAction.RECEIVE, ActionInput.NONE, WATER, 40);
        act(c, CaseAction.FEEDBACK, new ActionInput("已更换井盖", null, null, null, null, "现场无法拍照", null, null,
                null, null), WATER, 90);
        act(c, CaseAction.SEND_CHECK, ActionInput.NONE.withSupervisor("supervisor1"), OPERATOR, 95);
        act(c, CaseAction.CHECK, ActionInput.NONE.withPassed(true), SUPERVISOR, 120);
        act(c, CaseAction.CLOSE, ActionInput.NONE, SHIFT_LEAD, 130);
        if (c.status() != CaseStatus.CLOSED) {
            throw new IllegalStateException("the loop did not close: " + c.status());
        }
        return c;
    }
}
