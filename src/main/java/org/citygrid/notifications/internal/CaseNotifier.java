package org.citygrid.notifications.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;

import org.citygrid.cases.Actor;
import org.citygrid.cases.AutoDispatchFailed;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.Cases;
import org.citygrid.cases.EscalationAction;
import org.citygrid.cases.Light;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.notifications.NotificationKind;
import org.citygrid.notifications.Notifications;
import org.citygrid.org.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the case loop's events into notifications for the people who must act next: the SLA monitor's lights (by
 * the escalation rule's NOTIFY actions), a dispatch (the department's handlers), a verify or check task (the
 * supervisor), a request (the dispatchers; a void request the shift leads, who decide it), an urge (the
 * department, or the dispatchers while no department holds the case) and a refused automatic dispatch (the
 * dispatchers).
 */
@Component
class CaseNotifier {

    /** The platform reads cases as a dispatcher does: every case is visible. */
    private static final Actor READER = Actor.system(Role.DISPATCHER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final Recipients recipients;
    private final Cases cases;
    private final Clock clock;

    CaseNotifier(Notifications notifications, Recipients recipients, Cases cases, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.cases = cases;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StageClockTurned turned) {
        var users = new LinkedHashSet<String>();
        if (turned.asks(EscalationAction.NOTIFY)) {
            users.addAll(recipients.forStage(turned.stage(), turned.departmentCode(), turned.supervisor()));
        }
        if (turned.asks(EscalationAction.NOTIFY_DISPATCHERS)) {
            users.addAll(recipients.withRole(Role.DISPATCHER));
        }
        if (turned.asks(EscalationAction.NOTIFY_LEADERS)) {
            users.addAll(recipients.withRole(Role.LEADER));
        }
        var kind = turned.light() == Light.RED ? NotificationKind.STAGE_RED : NotificationKind.STAGE_YELLOW;
        var deadline = TIME.format(turned.deadline().atZone(clock.getZone()));
        notifications.notify(users, kind, turned.caseId().value(), turned.caseNo(),
                List.of(turned.caseNo(), "#" + turned.stage().messageKey(), deadline));
    }

    /**
     * The actions {@link #on(CaseTransitioned)} tells anyone about. The condition keeps the other transitions (accept,
     * file, receive, feedback, check, close…) out of the event publication registry: each would cost a stored
     * publication, an asynchronous transaction and its completion for nothing.
     */
    static final String TELLS = "#root.args[0].action().name() matches "
            + "'DISPATCH|SEND_VERIFY|SEND_CHECK|REQUEST_RETURN|REQUEST_EXTENSION|REQUEST_PARK|REQUEST_VOID|URGE'";

    @ApplicationModuleListener(condition = TELLS)
    void on(CaseTransitioned t) {
        switch (t.action()) {
            case DISPATCH -> tell(recipients.handlersOf(t.departmentCode()), NotificationKind.DISPATCHED, t);
            case SEND_VERIFY -> tell(listOf(load(t).verifier()), NotificationKind.VERIFY_TASK, t);
            case SEND_CHECK -> tell(listOf(load(t).checker()), NotificationKind.CHECK_TASK, t);
            case REQUEST_RETURN, REQUEST_EXTENSION, REQUEST_PARK ->
                    tell(recipients.withRole(Role.DISPATCHER), NotificationKind.REQUEST, t);
            case REQUEST_VOID -> tell(recipients.withRole(Role.SHIFT_LEAD), NotificationKind.REQUEST, t);
            case URGE -> tell(t.departmentCode() != null ? recipients.handlersOf(t.departmentCode())
                    : recipients.withRole(Role.DISPATCHER), NotificationKind.URGED, t);
            default -> { }
        }
    }

    /** An automatic dispatch was refused: every dispatcher is told the case waits for them, and why. */
    @ApplicationModuleListener
    void on(AutoDispatchFailed failed) {
        var conflict = "cases.version.stale".equals(failed.problemKey());
        notifications.notify(recipients.withRole(Role.DISPATCHER), NotificationKind.AUTO_DISPATCH_FAILED,
                failed.caseId().value(), failed.caseNo(), List.of(failed.caseNo(), String.valueOf(failed.ruleId()),
                        failed.departmentCode(), conflict ? "#notifications.auto-dispatch.conflict"
                                : "#notifications.auto-dispatch.refused"));
    }

    private void tell(List<String> users, NotificationKind kind, CaseTransitioned t) {
        if (users.isEmpty()) {
            return;
        }
        var c = load(t);
        var note = c.timeline().reversed().stream().filter(e -> e.action() == t.action()).findFirst()
                .map(e -> e.note() == null ? "" : e.note().replace('\u001f', ' ')).orElse("");
        notifications.notify(users, kind, t.caseId().value(), c.caseNo(),
                List.of(c.caseNo(), "#" + t.action().messageKey(), note));
    }

    private static List<String> listOf(String username) {
        return username == null ? List.of() : List.of(username);
    }

    private Case load(CaseTransitioned t) {
        return cases.get(t.caseId().value(), READER);
    }

}
