package org.citygrid.intake.hotline;

import org.citygrid.cases.ReporterPrivacy;

import java.time.Instant;

/** A call taken at the console, as stored: the caller's name and phone in full (masked when shown, see {@link ReporterPrivacy}). */
public record HotlineCall(long id, long caseId, String caseNo, CallOutcome outcome, String callerName,
                          String callerPhone, String address, String description, String takenBy, Instant takenAt) {
}
