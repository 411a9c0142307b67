package org.citygrid.cases;

/** The work queues' selection and order on the embedded H2 (PostgreSQL mode). */
class CaseQueueTests extends CaseQueueContract {
}
