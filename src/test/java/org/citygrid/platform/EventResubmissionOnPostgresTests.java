package org.citygrid.platform;

import org.citygrid.support.OnPostgres;

/** Resubmission of failed module listeners on PostgreSQL. */
@OnPostgres
class EventResubmissionOnPostgresTests extends EventResubmissionContract {
}
