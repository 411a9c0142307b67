package org.citygrid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;

/**
 * Transitions per second through {@link Cases#act} — the real service: load the aggregate, check and apply the
 * action, check references, save with optimistic locking, publish the event — on PostgreSQL. Each case goes round
 * the loop (accept, file, dispatch, receive, feedback, send-check, check, close: 8 transitions) after its report.
 * Arguments: cases per thread (default 1,000) and threads (default 1). 300 cases per thread are run first as
 * warm-up. Not a test; see docs/PERFORMANCE.md for the command and the figures.
 */
public final class TransitionBenchmark {

    private static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    private static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    private static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    private static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);
    private static final Actor HANDLER = Actor.of("h-water", "water", Role.DEPT_HANDLER);

    private record Step(CaseAction action, Actor by, ActionInput in) {
    }

    private static final List<Step> LOOP = List.of(
            new Step(CaseAction.ACCEPT, OPERATOR, ActionInput.NONE),
            new Step(CaseAction.FILE, SHIFT_LEAD, ActionInput.NONE),
            new Step(CaseAction.DISPATCH, DISPATCHER, ActionInput.NONE.withDepartment("water")),
            new Step(CaseAction.RECEIVE, HANDLER, ActionInput.NONE),
            new Step(CaseAction.FEEDBACK, HANDLER, ActionInput.note("已修复").withReason("照片另存")),
            new Step(CaseAction.SEND_CHECK, OPERATOR, ActionInput.NONE.withSupervisor("supervisor1")),
            new Step(CaseAction.CHECK, SUPERVISOR, ActionInput.NONE.withPassed(true)),
            new Step(CaseAction.CLOSE, SHIFT_LEAD, ActionInput.NONE));

    private TransitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (var ctx = BenchApp.start()) {
            var cases = ctx.getBean(Cases.class);
            run(cases, 300, threads);
            long t0 = System.nanoTime();
            long[] took = run(cases, perThread, threads);
            long wall = System.nanoTime() - t0;
            int n = perThread * threads;
            BenchApp.report("reports (Cases.report, " + threads + " thread(s), " + "time in reports only)",
                    took[0] / threads, n, "reports");
            BenchApp.report("transitions (Cases.act, " + threads + " thread(s), time in actions only)",
                    took[1] / threads, n * LOOP.size(), "transitions");
            BenchApp.report("whole loop incl. reports", wall, n * (LOOP.size() + 1), "operations");
        }
    }

    /** Nanoseconds spent in reports and in actions, summed over the threads. */
    private static long[] run(Cases cases, int perThread, int threads) throws Exception {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<long[]>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> loop(cases, perThread)));
            }
            long[] sum = new long[2];
            for (var f : futures) {
                var r = f.get();
                sum[0] += r[0];
                sum[1] += r[1];
            }
            return sum;
        }
    }

    private static long[] loop(Cases cases, int count) {
        long reporting = 0;
        long acting = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            var c = cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039,
                    39.9151, null, null, "井盖破损", false, null, null, null), SUPERVISOR);
            long t1 = System.nanoTime();
            for (var s : LOOP) {
                c = cases.act(c.id().value(), s.action(), c.version(), s.in(), s.by());
            }
            reporting += t1 - t0;
            acting += System.nanoTime() - t1;
        }
        return new long[] {reporting, acting};
    }
}
