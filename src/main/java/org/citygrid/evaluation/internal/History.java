package org.citygrid.evaluation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFacts.CaseFact;
import org.citygrid.cases.CaseFacts.Clock;
import org.citygrid.cases.CaseFacts.Step;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Stage;

/** One case's history up to the as-of instant, read the way shared/domain/EVALUATION.md counts. */
final class History {

    final CaseFact fact;
    /** The stages whose clock runs were read (the others are not in {@code fact.clocks()}). */
    private final Set<Stage> stages;
    /** {@link #stints()}, once worked out. */
    private List<Stint> stints;

    History(CaseFact fact) {
        this(fact, EnumSet.allOf(Stage.class));
    }

    History(CaseFact fact, Set<Stage> stages) {
        this.fact = fact;
        this.stages = stages;
    }

    /** The clock runs of {@code stage}; refuses a stage that was not read, so a missing fact can never count as late. */
    private java.util.stream.Stream<Clock> clocks(Stage stage) {
        requireRead(stage);
        return fact.clocks().stream().filter(c -> c.stage() == stage);
    }

    private void requireRead(Stage stage) {
        if (!stages.contains(stage)) {
            throw new IllegalStateException("the " + stage + " clocks were not read");
        }
    }

    List<Step> steps() {
        return fact.steps();
    }

    Optional<Step> first(CaseAction action) {
        for (var s : fact.steps()) {
            if (s.action() == action) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** 立案: the filing, or for a self-handled report its acceptance (it counts as filed and closed). */
    Optional<Instant> filedAt() {
        if (fact.selfHandled()) {
            return fact.steps().stream().filter(s -> s.action() == CaseAction.ACCEPT && s.to() ==
                    CaseStatus.PENDING_CLOSE).map(Step::at).findFirst();
        }
        return first(CaseAction.FILE).map(Step::at);
    }

    Optional<Instant> closedAt() {
        return first(CaseAction.CLOSE).map(Step::at);
    }

    boolean voided() {
        return first(CaseAction.APPROVE_VOID).isPresent();
    }

    boolean fromPublic() {
        return fact.channel() != Channel.SUPERVISOR;
    }

    /** The stage clock that ran at {@code t} (started at or before, not ended before), the latest started. */
    Optional<Clock> clockAt(Stage stage, Instant t) {
        return clocks(stage).filter(c -> !c.startedAt().isAfter(t)
                && (c.endedAt() == null || !c.endedAt().isBefore(t))).max(Comparator.comparing(Clock::startedAt));
    }

    /** Whether a step at {@code t} was within the deadline of the {@code stage} clock that ran then. */
    boolean withinClock(Stage stage, Instant t) {
        return clockAt(stage, t).map(c -> !t.isAfter(c.deadline())).orElse(false);
    }

    /** The first step with {@code action} after index {@code i}, if any. */
    Optional<Step> nextAfter(int i, CaseAction action) {
        for (int j = i + 1; j < fact.steps().size(); j++) {
            if (fact.steps().get(j).action() == action) {
                return Optional.of(fact.steps().get(j));
            }
        }
        return Optional.empty();
    }

    /** The last step with {@code action} before index {@code i}, if any. */
    Optional<Step> lastBefore(int i, CaseAction action) {
        for (int j = i - 1; j >= 0; j--) {
            if (fact.steps().get(j).action() == action) {
                return Optional.of(fact.steps().get(j));
            }
        }
        return Optional.empty();
    }

    /**
     * The assignments (dispatches) up to the as-of instant, each with its steps; worked out once (tables of one read
     * share the histories, possibly on several threads: the list is immutable, so a race only works it out twice).
     */
    List<Stint> stints() {
        var known = stints;
        if (known == null) {
            known = List.copyOf(workOutStints());
            stints = known;
        }
        return known;
    }

    private List<Stint> workOutStints() {
        var out = new ArrayList<Stint>();
        var steps = fact.steps();
        int no = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).action() != CaseAction.DISPATCH) {
                continue;
            }
            int end = i + 1;
            while (end < steps.size() && steps.get(end).action() != CaseAction.DISPATCH) {
                end++;
            }
            no++;
            int assignmentNo = no;
            var dispatch = fact.dispatches().stream().filter(d -> d.assignmentNo() == assignmentNo).findFirst();
            if (dispatch.isPresent()) {
                out.add(new Stint(this, assignmentNo, dispatch.get().departmentCode(), steps.get(i),
                        steps.subList(i + 1, end)));
            }
        }
        return out;
    }

    /** One assignment: its dispatch step and the steps until the next dispatch. */
    record Stint(History history, int assignmentNo, String departmentCode, Step dispatch, List<Step> steps) {

        boolean has(CaseAction action) {
            for (var s : steps) {
                if (s.action() == action) {
                    return true;
                }
            }
            return false;
        }

        boolean returned() {
            return has(CaseAction.APPROVE_RETURN);
        }

        /** 返工: at least one failed check. */
        boolean reworked() {
            return steps.stream().anyMatch(s -> s.action() == CaseAction.CHECK && s.to() == CaseStatus.IN_PROGRESS);
        }

        /**
         * DISPOSED: the time of the feedback that the first passed check followed (empty while not disposed).
         */
        Optional<Instant> disposedBy() {
            Instant feedback = null;
            for (var s : steps) {
                if (s.action() == CaseAction.FEEDBACK) {
                    feedback = s.at();
                } else if (s.action() == CaseAction.CHECK && s.to() == CaseStatus.PENDING_CLOSE && feedback != null) {
                    return Optional.of(feedback);
                }
            }
            return Optional.empty();
        }

        /** The HANDLE deadline: the assignment's HANDLE clock, with extensions and parked time. */
        Optional<Instant> deadline() {
            history.requireRead(Stage.HANDLE);
            Clock latest = null;
            for (var c : history.fact.clocks()) {
                if (c.stage() == Stage.HANDLE && c.assignmentNo() == assignmentNo
                        && (latest == null || c.startedAt().isAfter(latest.startedAt()))) {
                    latest = c;
                }
            }
            return latest == null ? Optional.empty() : Optional.of(latest.deadline());
        }

        boolean disposedOnTime() {
            var at = disposedBy();
            var deadline = deadline();
            return at.isPresent() && deadline.isPresent() && !at.get().isAfter(deadline.get());
        }

        boolean closedThrough() {
            return has(CaseAction.CLOSE);
        }
    }
}
