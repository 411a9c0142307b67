package org.citygrid.org;

import org.citygrid.support.OnPostgres;

/** The same org persistence rules on the real PostgreSQL. */
@OnPostgres
class OrgPersistenceOnPostgresTests extends OrgPersistenceContract {
}
