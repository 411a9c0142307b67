package org.citygrid.cases;

/** Attachment records on the embedded H2 (PostgreSQL mode). */
class AttachmentPersistenceTests extends AttachmentPersistenceContract {
}
