package org.citygrid.cases;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** One dispatch of a case to a department; a re-dispatch after a return is a new assignment. */
@Table("case_assignment")
public record Assignment(int assignmentNo, String departmentCode, Instant dispatchedAt, String dispatchedBy,
                         Instant receivedAt, Instant endedAt, Outcome outcome) {

    public enum Outcome {
        /** the department has the case */
        ACTIVE,
        /** 回退: an approved return ended it */
        RETURNED,
        /** the case was closed with this department's result */
        COMPLETED,
        /** the case was voided */
        VOIDED
    }

    Assignment received(Instant at) {
        return new Assignment(assignmentNo, departmentCode, dispatchedAt, dispatchedBy, at, endedAt, outcome);
    }

    Assignment ended(Instant at, Outcome how) {
        return new Assignment(assignmentNo, departmentCode, dispatchedAt, dispatchedBy, receivedAt, at, how);
    }

    public boolean isActive() {
        return outcome == Outcome.ACTIVE;
    }
}
