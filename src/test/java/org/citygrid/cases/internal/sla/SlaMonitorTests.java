package org.citygrid.cases.internal.sla;

/** The SLA monitor's rules on the embedded H2 (PostgreSQL mode). */
class SlaMonitorTests extends SlaMonitorContract {
}
