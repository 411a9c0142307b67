package org.citygrid.evaluation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.citygrid.platform.DomainException;

/**
 * An evaluation period from {@code from} (inclusive) to {@code to} (exclusive) in the jurisdiction's zone, and the as-of instant. A given as-of may not be before
 * {@code to} (400); without one it is now, and a period that has not ended yet is evaluated so far ({@link #partial}).
 */
public record Period(LocalDate from, LocalDate to, Instant start, Instant end, Instant asOf) {

    /** The longest period evaluated at once. */
    public static final int MAX_DAYS = 366;

    public static Period of(LocalDate from, LocalDate to, Instant asOf, Instant now, ZoneId zone) {
        if (from == null || to == null) {
            throw new DomainException.BadRequest(from == null ? "from" : "to", "evaluation.period.required");
        }
        if (!from.isBefore(to)) {
            throw new DomainException.BadRequest("to", "evaluation.period.order", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new DomainException.BadRequest("to", "evaluation.period.too-long", MAX_DAYS);
        }
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.atStartOfDay(zone).toInstant();
        if (asOf == null) {
            return new Period(from, to, start, end, now);
        }
        if (asOf.isBefore(end)) {
            throw new DomainException.BadRequest("asOf", "evaluation.period.as-of-early", asOf, to);
        }
        return new Period(from, to, start, end, asOf);
    }

    /** The period has not ended by the as-of instant. */
    public boolean partial() {
        return asOf.isBefore(end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end) && !t.isAfter(asOf);
    }
}
