package org.citygrid.intake.hotline;

/** What a hotline call became: a new case, or a note on an open case that already covers the problem. */
public enum CallOutcome {
    NEW_CASE,
    ADDED_TO_CASE;

    public String messageKey() {
        return "hotline.outcome." + name();
    }
}
