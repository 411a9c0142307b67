package org.citygrid.cases.internal.sla;

import org.citygrid.support.OnPostgres;

/** The same SLA monitor rules on the real PostgreSQL. */
@OnPostgres
class SlaMonitorOnPostgresTests extends SlaMonitorContract {
}
