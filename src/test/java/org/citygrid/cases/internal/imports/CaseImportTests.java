package org.citygrid.cases.internal.imports;

/** The import rules on the embedded H2 (PostgreSQL mode). */
class CaseImportTests extends CaseImportContract {
}
