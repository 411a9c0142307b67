package org.citygrid.cases;

/** The cases persistence rules on the embedded H2 (PostgreSQL mode). */
class CasePersistenceTests extends CasePersistenceContract {
}
