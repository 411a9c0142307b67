package org.citygrid.cases;

import org.citygrid.support.OnPostgres;

/** The same routing persistence rules on the real PostgreSQL. */
@OnPostgres
class RoutingPersistenceOnPostgresTests extends RoutingPersistenceContract {
}
