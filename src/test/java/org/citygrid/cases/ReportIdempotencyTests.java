package org.citygrid.cases;

/** Idempotent reports on the embedded H2 (PostgreSQL mode). */
class ReportIdempotencyTests extends ReportIdempotencyContract {
}
