package org.citygrid.cases.internal.history;

import org.citygrid.support.OnPostgres;

/** The demo history on the real PostgreSQL. */
@OnPostgres
class DemoHistoryOnPostgresTests extends DemoHistoryContract {
}
