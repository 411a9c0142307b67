package org.citygrid.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clock book of a case: which clocks stop and start when the case enters a state (WORKFLOW.md, "Stage clocks").
 * Works on the case's list of {@link StageClock} rows; a changed clock replaces its row.
 */
final class StageClocks {

    private StageClocks() {
    }

    /** Ends the clocks the new state does not run; HANDLE pauses instead while the case is parked. */
    static void stop(List<StageClock> stages, CaseStatus entered, Instant at) {
        for (int i = 0; i < stages.size(); i++) {
            var clock = stages.get(i);
            if (clock.isOpen() && !entered.clocks().contains(clock.stage())) {
                var keepPaused = clock.stage() == Stage.HANDLE && entered == CaseStatus.PARKED;
                stages.set(i, keepPaused ? clock.paused(at) : clock.ended(at));
            }
        }
    }

    /**
     * Starts the clocks of the entered state. HANDLE belongs to the active assignment ({@code assignmentNo}, 0 when
     * none): after parking it resumes with the paused time added back; after a failed check (rework) it reopens with
     * its deadline unchanged; a new assignment gets a new HANDLE clock.
     */
    static void start(List<StageClock> stages, CaseStatus entered, Instant at, int assignmentNo,
                      Function<Stage, Limit> limits, StageClockCalculator calc) {
        for (var stage : entered.clocks()) {
            var open = open(stages, stage);
            if (open.isPresent()) {
                if (open.get().pausedAt() != null) {
                    replace(stages, open.get(), open.get().resumed(at, calc));
                }
                continue;
            }
            var handle = stage == Stage.HANDLE ? handleOf(stages, assignmentNo) : Optional.<StageClock>empty();
            if (handle.isPresent()) {
                replace(stages, handle.get(), handle.get().reopened());
            } else {
                startOne(stages, stage, at, assignmentNo, limits.apply(stage), calc);
            }
        }
    }

    static void startOne(List<StageClock> stages, Stage stage, Instant at, int assignmentNo, Limit limit,
                         StageClockCalculator calc) {
        var deadline = calc.deadline(at, limit.amount(), limit.unit());
        int assignment = stage == Stage.HANDLE || stage == Stage.RECEIVE ? assignmentNo : 0;
        stages.add(new StageClock(stage, assignment, at, limit.amount(), limit.unit(), deadline, null, null));
    }

    static Optional<StageClock> open(List<StageClock> stages, Stage stage) {
        return stages.stream().filter(c -> c.stage() == stage && c.isOpen()).findFirst();
    }

    /** The HANDLE clock of an assignment (the latest, should there be several); empty for assignment 0. */
    static Optional<StageClock> handleOf(List<StageClock> stages, int assignmentNo) {
        return stages.stream().filter(c -> assignmentNo > 0 && c.stage() == Stage.HANDLE
                && c.assignmentNo() == assignmentNo).max(Comparator.comparing(StageClock::startedAt));
    }

    static void replace(List<StageClock> stages, StageClock old, StageClock changed) {
        stages.set(stages.indexOf(old), changed);
    }

    /** The worst light of the clocks that are open now (green when none is). */
    static Light worstLight(List<StageClock> stages, Instant now, StageClockCalculator calc) {
        return stages.stream().filter(StageClock::isOpen).map(c -> c.light(now, calc))
                .max(Comparator.naturalOrder()).orElse(Light.GREEN);
    }
}
