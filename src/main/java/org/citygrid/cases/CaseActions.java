package org.citygrid.cases;

import java.time.Instant;

/** Takes an action named on the wire: one switch from the action to the aggregate's method for it. */
public final class CaseActions {

    private CaseActions() {
    }

    /** Performs {@code action} on the case; {@code report} is not an action on an existing case. */
    public static void perform(Case c, CaseAction action, ActionInput in, Actor by, Instant at, Clocks clocks) {
        switch (action) {
            case REPORT -> throw new IllegalArgumentException("report creates a case; use Case.report");
            case ACCEPT -> c.accept(by, at, in.note(), clocks);
            case SEND_VERIFY -> c.sendVerify(by, at, in.supervisor(), in.note(), clocks);
            case VERIFY -> c.verify(by, at, in.passed(), in.note(), clocks);
            case FILE -> c.file(by, at, in.urgent(), in.note(), clocks);
            case REJECT -> c.reject(by, at, in.reason(), in.note(), clocks);
            case MERGE -> c.merge(by, at, in.parentId() == null ? null : new CaseId(in.parentId()), in.note(), clocks);
            case DISPATCH -> c.dispatch(by, at, in.departmentCode(), in.note(), in.reason(), clocks);
            case RECEIVE -> c.receive(by, at, in.note(), clocks);
            case REQUEST_RETURN -> c.requestReturn(by, at, in.reason(), in.note(), clocks);
            case APPROVE_RETURN -> c.approveReturn(by, at, in.note(), clocks);
            case DENY_RETURN -> c.denyReturn(by, at, in.note(), clocks);
            case REQUEST_EXTENSION -> c.requestExtension(by, at, in.amount(), in.unit(), in.reason(), in.note(), clocks);
            case APPROVE_EXTENSION -> c.approveExtension(by, at, in.amount(), in.unit(), in.note(), clocks);
            case DENY_EXTENSION -> c.denyExtension(by, at, in.note(), clocks);
            case REQUEST_PARK -> c.requestPark(by, at, in.reason(), in.note(), clocks);
            case APPROVE_PARK -> c.approvePark(by, at, in.note(), clocks);
            case DENY_PARK -> c.denyPark(by, at, in.note(), clocks);
            case RESUME -> c.resume(by, at, in.note(), clocks);
            case FEEDBACK -> c.feedback(by, at, in.note(), in.reason(), in.attachmentIds(), clocks);
            case SEND_CHECK -> c.sendCheck(by, at, in.supervisor(), in.note(), clocks);
            case CHECK -> c.check(by, at, in.passed(), in.note(), clocks);
            case CLOSE -> c.close(by, at, in.note(), clocks);
            case REQUEST_VOID -> c.requestVoid(by, at, in.reason(), in.note(), clocks);
            case APPROVE_VOID -> c.approveVoid(by, at, in.note(), clocks);
            case DENY_VOID -> c.denyVoid(by, at, in.note(), clocks);
            case URGE -> c.urge(by, at, in.note(), clocks);
        }
        c.recordAttachments(in.attachmentIds());
    }
}
