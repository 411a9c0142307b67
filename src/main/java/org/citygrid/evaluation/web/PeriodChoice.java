package org.citygrid.evaluation.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

import org.citygrid.platform.DomainException;

/**
 * The report page's period: a month (default), week (Monday first), quarter or year containing a day, or a custom
 * range; and the period before it, for the trend.
 */
record PeriodChoice(String kind, LocalDate from, LocalDate to) {

    static final List<String> KINDS = List.of("month", "week", "quarter", "year", "custom");

    static PeriodChoice of(String kind, LocalDate day, LocalDate from, LocalDate to) {
        var k = kind == null || kind.isBlank() ? "month" : kind;
        return switch (k) {
            case "week" -> {
                var start = day.with(DayOfWeek.MONDAY);
                yield new PeriodChoice(k, start, start.plusWeeks(1));
            }
            case "quarter" -> {
                var start = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new PeriodChoice(k, start, start.plusMonths(3));
            }
            case "year" -> new PeriodChoice(k, day.withDayOfYear(1), day.withDayOfYear(1).plusYears(1));
            case "custom" -> {
                if (from == null || to == null) {
                    throw new DomainException.BadRequest("from", "evaluation.period.required");
                }
                yield new PeriodChoice(k, from, to);
            }
            case "month" -> new PeriodChoice(k, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
            default -> throw new DomainException.BadRequest("period", "evaluation.period.required");
        };
    }

    /** The period just before, of the same kind and length. */
    PeriodChoice previous() {
        return switch (kind) {
            case "week" -> new PeriodChoice(kind, from.minusWeeks(1), from);
            case "quarter" -> new PeriodChoice(kind, from.minusMonths(3), from);
            case "year" -> new PeriodChoice(kind, from.minusYears(1), from);
            case "month" -> new PeriodChoice(kind, from.minusMonths(1), from);
            default -> new PeriodChoice(kind, from.minusDays(ChronoUnit.DAYS.between(from, to)), from);
        };
    }
}
