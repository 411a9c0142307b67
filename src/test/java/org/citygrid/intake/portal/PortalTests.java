package org.citygrid.intake.portal;

/** The public portal on the embedded H2 (PostgreSQL mode). */
class PortalTests extends PortalContract {
}
