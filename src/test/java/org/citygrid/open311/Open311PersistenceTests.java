package org.citygrid.open311;

/** Open311's persistence rules on the embedded H2 (PostgreSQL mode). */
class Open311PersistenceTests extends Open311PersistenceContract {
}
