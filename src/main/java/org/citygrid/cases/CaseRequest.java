package org.citygrid.cases;

import java.time.Instant;

import org.citygrid.calendar.TimeUnit;
import org.springframework.data.relational.core.mapping.Table;

/** A request that a dispatcher or shift lead decides: return (回退), extension (延期), parking (挂账), voiding (作废). */
@Table("case_request")
public record CaseRequest(Kind kind, String requestedBy, Instant requestedAt, String reason, Integer amount,
                          TimeUnit unit, Decision decision, String decidedBy, Instant decidedAt) {

    public enum Kind { RETURN, EXTENSION, PARK, VOID }

    public enum Decision {
        APPROVED, DENIED,
        /** the case moved on so the request no longer applies (e.g. a return approved while parking was asked) */
        WITHDRAWN
    }

    static CaseRequest of(Kind kind, String by, Instant at, String reason, Integer amount, TimeUnit unit) {
        return new CaseRequest(kind, by, at, reason, amount, unit, null, null, null);
    }

    public boolean isPending() {
        return decision == null;
    }

    CaseRequest decided(Decision how, String by, Instant at) {
        return new CaseRequest(kind, requestedBy, requestedAt, reason, amount, unit, how, by, at);
    }
}
