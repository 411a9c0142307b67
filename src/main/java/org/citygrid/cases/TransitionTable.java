package org.citygrid.cases;

import static org.citygrid.cases.CaseStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citygrid.org.Role;

/**
 * The one declarative table of the loop (shared/domain/WORKFLOW.md, "Transitions"): for each action the states it
 * may be taken in, the states it may lead to (none: the state stays), the roles that own it and the extra rule on
 * the actor or the case. {@link Case} consults it for every action; docs/CASES.md prints it.
 */
public final class TransitionTable {

    /** A rule beyond the role that the actor or the case must satisfy. */
    public enum Rule {
        NONE,
        /** the supervisor named by send-verify */
        TASKED_VERIFIER,
        /** the supervisor named by send-check */
        TASKED_CHECKER,
        /** a handler of the department the case is assigned to */
        OWN_DEPARTMENT,
        /** the reporter, a tasked supervisor, a handler of the assigned department, or the centre's staff */
        ON_THE_CASE,
        /** a request of this kind is waiting for a decision */
        PENDING_RETURN, PENDING_EXTENSION, PENDING_PARK, PENDING_VOID
    }

    public record Transition(CaseAction action, Set<CaseStatus> from, Set<CaseStatus> to, Set<Role> roles,
                             Rule rule) {

        /** Whether the action keeps the case in its state. */
        public boolean keepsState() {
            return to.isEmpty();
        }
    }

    private static final Set<CaseStatus> HANDLING = EnumSet.of(DISPATCHED, IN_PROGRESS);
    private static final Set<CaseStatus> AFTER_FILING =
            EnumSet.of(PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, PARKED, PENDING_CHECK, PENDING_CLOSE);
    private static final Set<Role> ON_CASE_ROLES = EnumSet.of(Role.SUPERVISOR, Role.OPERATOR, Role.SHIFT_LEAD,
            Role.DISPATCHER, Role.DEPT_HANDLER);

    private static final Map<CaseAction, Transition> TABLE = build();

    private TransitionTable() {
    }

    private static Map<CaseAction, Transition> build() {
        var t = new EnumMap<CaseAction, Transition>(CaseAction.class);
        row(t, CaseAction.REPORT, Set.of(), Set.of(REPORTED), Set.of(Role.SUPERVISOR, Role.OPERATOR, Role.SHIFT_LEAD),
                Rule.NONE);
        row(t, CaseAction.ACCEPT, Set.of(REPORTED), Set.of(PENDING_FILING, PENDING_CLOSE), Set.of(Role.OPERATOR),
                Rule.NONE);
        row(t, CaseAction.SEND_VERIFY, Set.of(REPORTED), Set.of(PENDING_VERIFY), Set.of(Role.OPERATOR), Rule.NONE);
        row(t, CaseAction.VERIFY, Set.of(PENDING_VERIFY), Set.of(PENDING_FILING, NOT_FILED),
                Set.of(Role.SUPERVISOR), Rule.TASKED_VERIFIER);
        row(t, CaseAction.FILE, Set.of(PENDING_FILING), Set.of(PENDING_DISPATCH), Set.of(Role.SHIFT_LEAD), Rule.NONE);
        row(t, CaseAction.REJECT, Set.of(REPORTED, PENDING_FILING), Set.of(NOT_FILED),
                Set.of(Role.OPERATOR, Role.SHIFT_LEAD), Rule.NONE);
        row(t, CaseAction.MERGE, Set.of(REPORTED, PENDING_VERIFY, PENDING_FILING), Set.of(NOT_FILED),
                Set.of(Role.OPERATOR, Role.SHIFT_LEAD), Rule.NONE);
        row(t, CaseAction.DISPATCH, Set.of(PENDING_DISPATCH), Set.of(DISPATCHED), Set.of(Role.DISPATCHER), Rule.NONE);
        row(t, CaseAction.RECEIVE, Set.of(DISPATCHED), Set.of(IN_PROGRESS), Set.of(Role.DEPT_HANDLER),
                Rule.OWN_DEPARTMENT);
        row(t, CaseAction.REQUEST_RETURN, HANDLING, Set.of(), Set.of(Role.DEPT_HANDLER), Rule.OWN_DEPARTMENT);
        row(t, CaseAction.APPROVE_RETURN, HANDLING, Set.of(PENDING_DISPATCH), Set.of(Role.DISPATCHER),
                Rule.PENDING_RETURN);
        row(t, CaseAction.DENY_RETURN, HANDLING, Set.of(), Set.of(Role.DISPATCHER), Rule.PENDING_RETURN);
        row(t, CaseAction.REQUEST_EXTENSION, HANDLING, Set.of(), Set.of(Role.DEPT_HANDLER), Rule.OWN_DEPARTMENT);
        row(t, CaseAction.APPROVE_EXTENSION, HANDLING, Set.of(), Set.of(Role.DISPATCHER), Rule.PENDING_EXTENSION);
        row(t, CaseAction.DENY_EXTENSION, HANDLING, Set.of(), Set.of(Role.DISPATCHER), Rule.PENDING_EXTENSION);
        row(t, CaseAction.REQUEST_PARK, Set.of(IN_PROGRESS), Set.of(), Set.of(Role.DEPT_HANDLER), Rule.OWN_DEPARTMENT);
        row(t, CaseAction.APPROVE_PARK, Set.of(IN_PROGRESS), Set.of(PARKED), Set.of(Role.DISPATCHER),
                Rule.PENDING_PARK);
        row(t, CaseAction.DENY_PARK, Set.of(IN_PROGRESS), Set.of(), Set.of(Role.DISPATCHER), Rule.PENDING_PARK);
        row(t, CaseAction.RESUME, Set.of(PARKED), Set.of(IN_PROGRESS), Set.of(Role.DISPATCHER), Rule.NONE);
        row(t, CaseAction.FEEDBACK, Set.of(IN_PROGRESS), Set.of(PENDING_CHECK), Set.of(Role.DEPT_HANDLER),
                Rule.OWN_DEPARTMENT);
        row(t, CaseAction.SEND_CHECK, Set.of(PENDING_CHECK), Set.of(), Set.of(Role.OPERATOR), Rule.NONE);
        row(t, CaseAction.CHECK, Set.of(PENDING_CHECK), Set.of(PENDING_CLOSE, IN_PROGRESS), Set.of(Role.SUPERVISOR),
                Rule.TASKED_CHECKER);
        row(t, CaseAction.CLOSE, Set.of(PENDING_CLOSE), Set.of(CLOSED), Set.of(Role.SHIFT_LEAD), Rule.NONE);
        row(t, CaseAction.REQUEST_VOID, CaseStatus.open(), Set.of(), ON_CASE_ROLES, Rule.ON_THE_CASE);
        row(t, CaseAction.APPROVE_VOID, CaseStatus.open(), Set.of(VOIDED), Set.of(Role.SHIFT_LEAD), Rule.PENDING_VOID);
        row(t, CaseAction.DENY_VOID, CaseStatus.open(), Set.of(), Set.of(Role.SHIFT_LEAD), Rule.PENDING_VOID);
        row(t, CaseAction.URGE, AFTER_FILING, Set.of(), Set.of(Role.DISPATCHER, Role.LEADER), Rule.NONE);
        if (t.size() != CaseAction.values().length) {
            throw new IllegalStateException("every action needs a row in the transition table");
        }
        return Collections.unmodifiableMap(t);
    }

    private static void row(Map<CaseAction, Transition> t, CaseAction action, Set<CaseStatus> from,
                            Set<CaseStatus> to, Set<Role> roles, Rule rule) {
        t.put(action, new Transition(action, from.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(from)),
                to.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(to)), Set.copyOf(roles), rule));
    }

    public static Transition of(CaseAction action) {
        return TABLE.get(action);
    }

    public static Map<CaseAction, Transition> all() {
        return TABLE;
    }

    /** The table as Markdown, rows in action order; docs/CASES.md holds exactly this text (a test checks it). */
    public static String markdown() {
        var sb = new StringBuilder("| action | from | to | roles | rule |\n|---|---|---|---|---|\n");
        TABLE.values().forEach(t -> sb.append("| `").append(t.action().wireName()).append("` | ")
                .append(names(t.from(), "—")).append(" | ").append(names(t.to(), "(same)")).append(" | ")
                .append(t.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")))
                .append(" | ").append(t.rule() == Rule.NONE ? "" : t.rule().name()).append(" |\n"));
        return sb.toString();
    }

    private static String names(Set<CaseStatus> states, String none) {
        if (states.isEmpty()) {
            return none;
        }
        return states.stream().sorted().map(s -> "`" + s.name() + "`").collect(Collectors.joining(", "));
    }
}
