package org.citygrid.cases;

/** The stage clocks of the loop (shared/domain/WORKFLOW.md, "Stage clocks"). */
public enum Stage {
    ACCEPT, VERIFY, FILE, DISPATCH, RECEIVE, HANDLE, CHECK, CLOSE;

    public String messageKey() {
        return "cases.stage." + name();
    }
}
