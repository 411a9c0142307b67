package org.citygrid.cases;

import java.util.Objects;

import org.citygrid.calendar.TimeUnit;

/** A stage's time limit: an amount of a unit. */
public record Limit(int amount, TimeUnit unit) {

    public Limit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a limit is never negative: " + amount);
        }
    }

    /** The same amount in the natural unit of the same size: urgent classes count every stage continuously. */
    public Limit natural() {
        return new Limit(amount, switch (unit) {
            case WORK_MINUTES, NATURAL_MINUTES -> TimeUnit.NATURAL_MINUTES;
            case WORK_HOURS, NATURAL_HOURS -> TimeUnit.NATURAL_HOURS;
            case WORK_DAYS, NATURAL_DAYS -> TimeUnit.NATURAL_DAYS;
        });
    }
}
