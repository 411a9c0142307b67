package org.citygrid.cases;

import java.util.List;

import org.citygrid.calendar.TimeUnit;

/** The parameters an action may take; each action reads the ones it needs and rejects a missing one with a 422. */
public record ActionInput(String note, String departmentCode, String supervisor, Integer amount, TimeUnit unit,
                          String reason, Long parentId, Boolean passed, Boolean urgent, List<Long> attachmentIds) {

    public static final ActionInput NONE = new ActionInput(null, null, null, null, null, null, null, null, null, null);

    public static ActionInput note(String note) {
        return new ActionInput(note, null, null, null, null, null, null, null, null, null);
    }

    public ActionInput withReason(String r) {
        return new ActionInput(note, departmentCode, supervisor, amount, unit, r, parentId, passed, urgent,
                attachmentIds);
    }

    public ActionInput withDepartment(String d) {
        return new ActionInput(note, d, supervisor, amount, unit, reason, parentId, passed, urgent, attachmentIds);
    }

    public ActionInput withSupervisor(String s) {
        return new ActionInput(note, departmentCode, s, amount, unit, reason, parentId, passed, urgent, attachmentIds);
    }

    public ActionInput withAmount(Integer a, TimeUnit u) {
        return new ActionInput(note, departmentCode, supervisor, a, u, reason, parentId, passed, urgent, attachmentIds);
    }

    public ActionInput withPassed(Boolean p) {
        return new ActionInput(note, departmentCode, supervisor, amount, unit, reason, parentId, p, urgent,
                attachmentIds);
    }

    public ActionInput withParent(Long p) {
        return new ActionInput(note, departmentCode, supervisor, amount, unit, reason, p, passed, urgent,
                attachmentIds);
    }

    public ActionInput withAttachments(List<Long> ids) {
        return new ActionInput(note, departmentCode, supervisor, amount, unit, reason, parentId, passed, urgent,
                List.copyOf(ids));
    }
}
