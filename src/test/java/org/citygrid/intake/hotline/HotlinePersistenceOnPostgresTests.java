package org.citygrid.intake.hotline;

import org.citygrid.support.OnPostgres;

/** The same hotline persistence rules on the real PostgreSQL. */
@OnPostgres
class HotlinePersistenceOnPostgresTests extends HotlinePersistenceContract {
}
