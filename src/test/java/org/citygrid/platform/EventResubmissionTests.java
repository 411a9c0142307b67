package org.citygrid.platform;

/** Resubmission of failed module listeners on H2. */
class EventResubmissionTests extends EventResubmissionContract {
}
