package org.citygrid.intake.hotline;

/** The caller's verdict at a call-back (回访). Only an unsatisfied caller gets the problem reopened. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 */
    UNSATISFIED;

    public String messageKey() {
        return "hotline.satisfaction." + name();
    }
}
