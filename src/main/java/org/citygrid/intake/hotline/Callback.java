package org.citygrid.intake.hotline;

import java.time.Instant;

/**
 * 回访: the call-back of a closed hotline case, at most one per case. {@code reopenedCaseId} is the linked new case an
 * unsatisfied caller's problem was reopened as (null otherwise).
 */
public record Callback(long caseId, String caseNo, Satisfaction satisfaction, String note, String calledBy,
                       Instant calledAt, Long reopenedCaseId, String reopenedCaseNo) {
}
