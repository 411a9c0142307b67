package org.citygrid.catalog;

/** Where a class's handling time limit comes from; shown to users so that nobody mistakes a default for a rule. */
public enum HandleLimitSource {
    /** Taken from a real local filing/closing standard (case_standards.csv). */
    STANDARD,
    /** CityGrid's fallback of 1 working day (shared/domain/WORKFLOW.md): no standard was found for the class. */
    DEFAULT,
    /** Set by an administrator of this installation. */
    LOCAL;

    public String messageKey() {
        return "catalog.limit-source." + name();
    }
}
