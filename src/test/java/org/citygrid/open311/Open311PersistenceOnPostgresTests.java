package org.citygrid.open311;

import org.citygrid.support.OnPostgres;

/** The same Open311 persistence rules on the real PostgreSQL. */
@OnPostgres
class Open311PersistenceOnPostgresTests extends Open311PersistenceContract {
}
