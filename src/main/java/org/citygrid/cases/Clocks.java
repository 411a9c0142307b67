package org.citygrid.cases;

/** What a case needs to run its clocks: the calendar arithmetic and the jurisdiction's stage limits. */
public record Clocks(StageClockCalculator calculator, StageLimits limits) {
}
