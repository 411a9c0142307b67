package org.citygrid.calendar;

/** The calendar persistence rules on the embedded H2 (PostgreSQL mode). */
class CalendarPersistenceTests extends CalendarPersistenceContract {
}
