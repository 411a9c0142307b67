package org.citygrid.assets;

import org.citygrid.support.OnPostgres;

/** The same inventory rules on the real PostgreSQL. */
@OnPostgres
class InventoryOnPostgresTests extends InventoryContract {
}
