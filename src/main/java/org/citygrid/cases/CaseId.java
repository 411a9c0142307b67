package org.citygrid.cases;

/** The identity of a case; other aggregates refer to a case by this id. */
public record CaseId(long value) {
}
