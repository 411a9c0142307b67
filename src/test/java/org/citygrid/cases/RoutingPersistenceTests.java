package org.citygrid.cases;

/** Routing's persistence rules on the embedded H2 (PostgreSQL mode). */
class RoutingPersistenceTests extends RoutingPersistenceContract {
}
