package org.citygrid.cases;

import org.citygrid.support.OnPostgres;

/** The same attachment persistence rules on the real PostgreSQL. */
@OnPostgres
class AttachmentPersistenceOnPostgresTests extends AttachmentPersistenceContract {
}
