package org.citygrid.calendar;

import org.citygrid.support.OnPostgres;

/** The same calendar persistence rules on the real PostgreSQL. */
@OnPostgres
class CalendarPersistenceOnPostgresTests extends CalendarPersistenceContract {
}
