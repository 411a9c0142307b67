package org.citygrid.cases;

import java.time.Instant;

/**
 * An action was taken on a case; {@code from} equals {@code to} for actions that keep the state (urge, a request, a
 * denial). {@code departmentCode} is the department the case is assigned to after the action, if any.
 */
public record CaseTransitioned(CaseId caseId, CaseAction action, CaseStatus from, CaseStatus to, Instant at,
                               String actor, String departmentCode) {
}
