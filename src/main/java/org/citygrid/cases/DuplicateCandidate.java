package org.citygrid.cases;

import java.time.Instant;

/** An open case of the same class near a new report, reported shortly before it (WORKFLOW.md, "Duplicates"). */
public record DuplicateCandidate(CaseId id, String caseNo, CaseStatus status, int distanceMeters, Instant reportedAt) {
}
