package org.citygrid.cases;

import org.citygrid.support.OnPostgres;

/** The same cases persistence rules on the real PostgreSQL. */
@OnPostgres
class CasePersistenceOnPostgresTests extends CasePersistenceContract {
}
