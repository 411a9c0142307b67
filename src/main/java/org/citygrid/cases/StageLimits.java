package org.citygrid.cases;

import java.util.EnumMap;
import java.util.Map;

import org.citygrid.calendar.TimeUnit;

/**
 * The limits of the stages other than HANDLE (which comes from the case's class), per jurisdiction. The defaults are
 * those of shared/domain/WORKFLOW.md, "Stage clocks".
 */
public record StageLimits(Map<Stage, Limit> limits) {

    public StageLimits {
        limits = Map.copyOf(limits);
    }

    public static StageLimits defaults() {
        var m = new EnumMap<Stage, Limit>(Stage.class);
        m.put(Stage.ACCEPT, new Limit(10, TimeUnit.WORK_MINUTES));
        m.put(Stage.VERIFY, new Limit(60, TimeUnit.WORK_MINUTES));
        m.put(Stage.FILE, new Limit(30, TimeUnit.WORK_MINUTES));
        m.put(Stage.DISPATCH, new Limit(30, TimeUnit.WORK_MINUTES));
        m.put(Stage.RECEIVE, new Limit(60, TimeUnit.WORK_MINUTES));
        m.put(Stage.HANDLE, new Limit(1, TimeUnit.WORK_DAYS));
        m.put(Stage.CHECK, new Limit(60, TimeUnit.WORK_MINUTES));
        m.put(Stage.CLOSE, new Limit(30, TimeUnit.WORK_MINUTES));
        return new StageLimits(m);
    }

    public Limit of(Stage stage) {
        var limit = limits.get(stage);
        return limit != null ? limit : defaults().limits.get(stage);
    }
}
