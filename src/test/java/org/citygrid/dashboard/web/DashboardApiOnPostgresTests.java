package org.citygrid.dashboard.web;

import org.citygrid.support.OnPostgres;

/** The same endpoints and SQL on the real PostgreSQL. */
@OnPostgres
class DashboardApiOnPostgresTests extends DashboardApiContract {
}
