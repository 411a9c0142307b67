package org.citygrid.cases.internal;

/** Facts read in parts, on the embedded H2. */
class CaseFactPartsTests extends CaseFactPartsContract {
}
