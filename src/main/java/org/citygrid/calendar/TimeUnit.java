package org.citygrid.calendar;

/**
 * The units of a time limit (shared/domain/WORKFLOW.md, "Time units"). Natural units count continuous time; work
 * units count only working-window time on working days.
 */
public enum TimeUnit {
    NATURAL_MINUTES(false),
    NATURAL_HOURS(false),
    /** 工作分钟 */
    WORK_MINUTES(true),
    /** 工作时 */
    WORK_HOURS(true),
    /** 工作日: the end of the n-th working day after the start date. */
    WORK_DAYS(true),
    /** 自然日: 24:00 of the n-th calendar day, moved to the next working day's 24:00 if that is a day off. */
    NATURAL_DAYS(false);

    private final boolean working;

    TimeUnit(boolean working) {
        this.working = working;
    }

    /** Whether the unit counts only working time. */
    public boolean isWorking() {
        return working;
    }

    public String messageKey() {
        return "time-unit." + name();
    }
}
