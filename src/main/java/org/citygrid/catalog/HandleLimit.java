package org.citygrid.catalog;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.platform.DomainException;

/** How long a department has to handle a case of a class (处置时限): an amount of a time unit. */
public record HandleLimit(int amount, TimeUnit unit) {

    public static final int MIN_AMOUNT = 1;
    public static final int MAX_AMOUNT = 10_000;
    /** The fallback where no standard gives a limit (shared/domain/WORKFLOW.md, “Stage clocks”). */
    public static final HandleLimit DEFAULT = new HandleLimit(1, TimeUnit.WORK_DAYS);

    public HandleLimit {
        if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
            throw new DomainException.Invalid("amount", "catalog.limit.amount.invalid", amount, MIN_AMOUNT,
                    MAX_AMOUNT);
        }
        if (unit == null) {
            throw new DomainException.Invalid("unit", "catalog.limit.unit.missing");
        }
    }
}
