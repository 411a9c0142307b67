package org.citygrid.notifications;

/** The notifications' persistence rules on the embedded H2 (PostgreSQL mode). */
class NotificationPersistenceTests extends NotificationPersistenceContract {
}
