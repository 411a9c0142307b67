package org.citygrid.catalog.internal;

/** The catalog persistence rules on the embedded H2 (PostgreSQL mode). */
class CatalogPersistenceTests extends CatalogPersistenceContract {
}
