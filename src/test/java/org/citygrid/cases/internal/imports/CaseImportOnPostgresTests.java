package org.citygrid.cases.internal.imports;

import org.citygrid.support.OnPostgres;

/** The same import rules on the real PostgreSQL. */
@OnPostgres
class CaseImportOnPostgresTests extends CaseImportContract {
}
