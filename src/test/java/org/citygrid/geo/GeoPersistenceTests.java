package org.citygrid.geo;

/** The geo persistence and lookup rules on the embedded H2 (PostgreSQL mode). */
class GeoPersistenceTests extends GeoPersistenceContract {
}
