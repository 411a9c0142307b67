package org.citygrid.cases;

import java.time.Instant;
import java.util.Set;

/**
 * The SLA monitor saw a running stage clock turn {@code light} (YELLOW or RED) at {@code at}; published once per clock,
 * deadline and light across all nodes. {@code actions} are what the matching escalation rules ask for;
 * {@code departmentCode} is the case's assigned department and {@code supervisor} the supervisor tasked with the stage
 * (VERIFY, CHECK), either may be null.
 */
public record StageClockTurned(CaseId caseId, String caseNo, Stage stage, Light light, Instant at, Instant deadline,
                               String departmentCode, String supervisor, Set<EscalationAction> actions) {

    public StageClockTurned {
        actions = Set.copyOf(actions);
    }

    public boolean asks(EscalationAction action) {
        return actions.contains(action);
    }
}
