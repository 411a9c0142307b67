package org.citygrid.catalog.internal;

import org.citygrid.support.OnPostgres;

/** The same catalog persistence rules on the real PostgreSQL. */
@OnPostgres
class CatalogPersistenceOnPostgresTests extends CatalogPersistenceContract {
}
