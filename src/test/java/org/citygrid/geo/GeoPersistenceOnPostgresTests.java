package org.citygrid.geo;

import org.citygrid.support.OnPostgres;

/** The same geo persistence and lookup rules on the real PostgreSQL. */
@OnPostgres
class GeoPersistenceOnPostgresTests extends GeoPersistenceContract {
}
