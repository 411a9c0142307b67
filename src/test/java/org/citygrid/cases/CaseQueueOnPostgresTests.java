package org.citygrid.cases;

import org.citygrid.support.OnPostgres;

/** The same work-queue rules on the real PostgreSQL. */
@OnPostgres
class CaseQueueOnPostgresTests extends CaseQueueContract {
}
