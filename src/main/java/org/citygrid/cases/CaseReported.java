package org.citygrid.cases;

import java.time.Instant;

import org.citygrid.catalog.ClassKind;

/** A case was reported (上报). */
public record CaseReported(CaseId caseId, String caseNo, ClassKind kind, String classCode, String gridCode,
                           Instant at) {
}
