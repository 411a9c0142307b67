package org.citygrid.cases;

import org.citygrid.support.OnPostgres;

/** Idempotent reports on the real PostgreSQL: the concurrent case is where the unique key matters. */
@OnPostgres
class ReportIdempotencyOnPostgresTests extends ReportIdempotencyContract {
}
