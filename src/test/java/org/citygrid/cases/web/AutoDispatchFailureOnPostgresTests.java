package org.citygrid.cases.web;

import org.citygrid.support.OnPostgres;

/** The refused auto-dispatch on the real PostgreSQL (a real 409 between two transactions). */
@OnPostgres
class AutoDispatchFailureOnPostgresTests extends AutoDispatchFailureContract {
}
