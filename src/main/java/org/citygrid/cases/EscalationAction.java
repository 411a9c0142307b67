package org.citygrid.cases;

/** What an escalation rule does when a stage clock turns yellow or red (citygrid.cases.sla.escalations). */
public enum EscalationAction {
    /** Notify the people responsible for the stage (e.g. the assigned department's handlers for HANDLE). */
    NOTIFY,
    /** Notify the dispatchers (派遣员), who decide returns, extensions and urges. */
    NOTIFY_DISPATCHERS,
    /** Notify the leaders (领导). */
    NOTIFY_LEADERS,
    /** 督办: the system urges the case through the normal URGE action, with a generated note. */
    URGE
}
