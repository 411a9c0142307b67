package org.citygrid.cases.internal.history;

/** The demo history on the embedded H2 (PostgreSQL mode). */
class DemoHistoryTests extends DemoHistoryContract {
}
