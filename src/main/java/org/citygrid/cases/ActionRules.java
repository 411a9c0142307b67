package org.citygrid.cases;

import java.time.Instant;
import java.util.EnumSet;

import org.citygrid.cases.TransitionTable.Transition;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;

/**
 * Whether an actor may take an action on a case now, and if not why: the role (403), the state (409), the row's rule
 * (403 for who, 409 for what is missing on the case), then conditions beyond the table. Used by every action of
 * {@link Case} and by {@link Case#allowedActions}.
 */
final class ActionRules {

    private ActionRules() {
    }

    /** Why the actor may not take the action now, or null: the role first (403), then the state (409), then rules. */
    static RuntimeException refusal(Case c, CaseAction action, Actor by, Instant at) {
        var t = TransitionTable.of(action);
        if (t.roles().stream().noneMatch(by::holds)) {
            return new DomainException.Forbidden("cases.action.wrong-role", action);
        }
        if (!t.from().contains(c.status())) {
            return new DomainException.Conflict("cases.action.wrong-state", action, c.status(), c.status().name())
                    .with("currentStatus", c.status().name());
        }
        var broken = brokenRule(c, t, by);
        return broken != null ? broken : conditionFailure(c, action, at);
    }

    private static RuntimeException brokenRule(Case c, Transition t, Actor by) {
        var action = t.action();
        return switch (t.rule()) {
            case NONE -> null;
            case TASKED_VERIFIER -> by.username().equals(c.verifier()) ? null
                    : new DomainException.Forbidden("cases.action.not-tasked", action, c.verifier());
            case TASKED_CHECKER -> c.checker() == null
                    ? new DomainException.Conflict("cases.check.not-sent", action)
                    : by.username().equals(c.checker()) ? null
                    : new DomainException.Forbidden("cases.action.not-tasked", action, c.checker());
            case OWN_DEPARTMENT -> ownDepartment(c, by) ? null
                    : new DomainException.Forbidden("cases.action.other-department", action, c.departmentCode());
            case ON_THE_CASE -> onTheCase(c, by) ? null : new DomainException.Forbidden("cases.action.not-on-case", action);
            case PENDING_RETURN -> pendingOrConflict(c, CaseRequest.Kind.RETURN, action);
            case PENDING_EXTENSION -> pendingOrConflict(c, CaseRequest.Kind.EXTENSION, action);
            case PENDING_PARK -> pendingOrConflict(c, CaseRequest.Kind.PARK, action);
            case PENDING_VOID -> pendingOrConflict(c, CaseRequest.Kind.VOID, action);
        };
    }

    /** Conditions on the case beyond the table: requests not yet asked, the deadline, self-handled reports. */
    private static RuntimeException conditionFailure(Case c, CaseAction action, Instant at) {
        var kind = switch (action) {
            case REQUEST_RETURN -> CaseRequest.Kind.RETURN;
            case REQUEST_EXTENSION -> CaseRequest.Kind.EXTENSION;
            case REQUEST_PARK -> CaseRequest.Kind.PARK;
            case REQUEST_VOID -> CaseRequest.Kind.VOID;
            default -> null;
        };
        if (kind != null && c.pending(kind).isPresent()) {
            return new DomainException.Conflict("cases.request.already-pending", action);
        }
        if (action == CaseAction.REQUEST_EXTENSION
                && c.stages().stream().filter(s -> s.stage() == Stage.HANDLE && s.isOpen()).findFirst()
                .map(h -> at.isAfter(h.deadline())).orElse(true)) {
            return new DomainException.Conflict("cases.extension.too-late");
        }
        if (action == CaseAction.SEND_VERIFY && c.selfHandled()) {
            return new DomainException.Conflict("cases.verify.self-handled");
        }
        return null;
    }

    private static boolean ownDepartment(Case c, Actor by) {
        return c.departmentCode() != null && c.departmentCode().equals(by.departmentCode())
                && by.holds(Role.DEPT_HANDLER);
    }

    private static boolean onTheCase(Case c, Actor by) {
        var staff = EnumSet.of(Role.OPERATOR, Role.SHIFT_LEAD, Role.DISPATCHER);
        return by.roles().stream().anyMatch(staff::contains) || ownDepartment(c, by)
                || (by.holds(Role.SUPERVISOR) && c.isSupervisorOf(by.username()));
    }

    private static RuntimeException pendingOrConflict(Case c, CaseRequest.Kind kind, CaseAction action) {
        return c.pending(kind).isPresent() ? null
                : new DomainException.Conflict("cases.request.none-pending", action, kind.name());
    }
}
