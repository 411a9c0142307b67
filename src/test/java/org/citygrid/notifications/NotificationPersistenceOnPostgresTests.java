package org.citygrid.notifications;

import org.citygrid.support.OnPostgres;

/** The same notifications persistence rules on the real PostgreSQL. */
@OnPostgres
class NotificationPersistenceOnPostgresTests extends NotificationPersistenceContract {
}
