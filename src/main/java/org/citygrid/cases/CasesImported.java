package org.citygrid.cases;

import java.time.Instant;
import java.util.List;

/**
 * Historical cases were imported (one event per committed chunk of an import). Replayed cases publish no
 * {@link CaseReported} or {@link CaseTransitioned}: their history happened elsewhere and must not notify anyone today.
 */
public record CasesImported(List<CaseId> caseIds, Instant at) {

    public CasesImported {
        caseIds = List.copyOf(caseIds);
    }
}
