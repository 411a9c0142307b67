package org.citygrid.cases.web;

/** The refused auto-dispatch on H2. */
class AutoDispatchFailureTests extends AutoDispatchFailureContract {
}
