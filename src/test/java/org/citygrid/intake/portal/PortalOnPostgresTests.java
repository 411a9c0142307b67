package org.citygrid.intake.portal;

import org.citygrid.support.OnPostgres;

/** The public portal on the real PostgreSQL. */
@OnPostgres
class PortalOnPostgresTests extends PortalContract {
}
