package org.citygrid.org;

/** The org persistence rules on the embedded H2 (PostgreSQL mode). */
class OrgPersistenceTests extends OrgPersistenceContract {
}
