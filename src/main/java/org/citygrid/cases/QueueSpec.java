package org.citygrid.cases;

import java.util.Set;

/**
 * Which cases a work queue (工作队列) holds: those in {@code statuses} (and of {@code departmentCode} when given) that
 * are selected — in one of {@code selectedStatuses}, or with a pending request of one of {@code pendingRequests}, or a
 * verify/check task of the supervisor {@code tasksOf}. With no selector at all every case in {@code statuses} is
 * selected. The viewer's visibility applies on top, as in {@link Cases#search}.
 */
public record QueueSpec(Set<CaseStatus> statuses, String departmentCode, Set<CaseStatus> selectedStatuses,
                        Set<CaseRequest.Kind> pendingRequests, String tasksOf) {

    public QueueSpec {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        selectedStatuses = selectedStatuses == null ? Set.of() : Set.copyOf(selectedStatuses);
        pendingRequests = pendingRequests == null ? Set.of() : Set.copyOf(pendingRequests);
    }

    /** Every case in the statuses (a department's when {@code departmentCode} is given). */
    public static QueueSpec all(Set<CaseStatus> statuses, String departmentCode) {
        return new QueueSpec(statuses, departmentCode, Set.of(), Set.of(), null);
    }

    /** The cases in the statuses that are in one of {@code selected} or carry a pending request of the kinds. */
    public static QueueSpec selecting(Set<CaseStatus> statuses, Set<CaseStatus> selected,
                                      Set<CaseRequest.Kind> pendingRequests) {
        return new QueueSpec(statuses, null, selected, pendingRequests, null);
    }

    /** The supervisor's own tasks: verifications given to them (PENDING_VERIFY) and checks (PENDING_CHECK). */
    public static QueueSpec tasksOf(String supervisor) {
        return new QueueSpec(Set.of(CaseStatus.PENDING_VERIFY, CaseStatus.PENDING_CHECK), null, Set.of(), Set.of(),
                supervisor);
    }

    public boolean selectsAll() {
        return selectedStatuses.isEmpty() && pendingRequests.isEmpty() && tasksOf == null;
    }
}
