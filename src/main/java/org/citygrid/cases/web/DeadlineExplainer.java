package org.citygrid.cases.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.citygrid.cases.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says how a stage clock's deadline came about: the limit from the start (with the calendar's own explanation of
 * skipped days off, holidays and make-up workdays), then, for HANDLE, each parking period added back and each
 * approved extension, in the order they happened on the timeline. The explanation is recomputed with the calendar
 * as it is now; when that gives another instant than the stored deadline (a year's data replaced since), the last
 * line says which deadline is on record.
 */
@Component
class DeadlineExplainer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Calendars calendars;
    private final MessageSource messages;

    DeadlineExplainer(Calendars calendars, MessageSource messages) {
        this.calendars = calendars;
        this.messages = messages;
    }

    List<String> explain(StageClock clock, List<TimelineEntry> timeline, Locale locale) {
        var zone = calendars.zone();
        var lines = new ArrayList<String>();
        var first = calendars.deadline(clock.startedAt(), clock.limitAmount(), clock.limitUnit());
        lines.add(text(locale, "cases.explain.limit", String.valueOf(clock.limitAmount()), unit(clock.limitUnit(), locale),
                time(clock.startedAt(), zone), time(first.at(), zone)));
        lines.addAll(calendars.explain(first, locale));
        var deadline = first.at();
        if (clock.stage() == Stage.HANDLE) {
            deadline = handleChanges(clock, timeline, deadline, lines, locale, zone);
        }
        if (!deadline.equals(clock.deadline())) {
            lines.add(text(locale, "cases.explain.recorded", time(clock.deadline(), zone)));
        }
        return lines;
    }

    private Instant handleChanges(StageClock clock, List<TimelineEntry> timeline, Instant deadline, List<String> lines,
                                  Locale locale, ZoneId zone) {
        Instant parkedAt = null;
        for (var e : timeline) {
            if (e.occurredAt().isBefore(clock.startedAt())
                    || (clock.endedAt() != null && e.occurredAt().isAfter(clock.endedAt()))) {
                continue;
            }
            if (e.toStatus() == CaseStatus.PARKED && e.fromStatus() != CaseStatus.PARKED) {
                parkedAt = e.occurredAt();
            } else if (e.action() == CaseAction.RESUME && parkedAt != null) {
                deadline = parked(clock.limitUnit(), parkedAt, e.occurredAt(), deadline, lines, locale, zone);
                parkedAt = null;
            } else if (e.action() == CaseAction.APPROVE_EXTENSION) {
                deadline = extended(e, deadline, lines, locale, zone);
            }
        }
        if (parkedAt != null && clock.pausedAt() != null) {
            lines.add(text(locale, "cases.explain.parked-now", time(parkedAt, zone)));
        }
        return deadline;
    }

    private Instant parked(TimeUnit unit, Instant from, Instant to, Instant deadline, List<String> lines,
                           Locale locale, ZoneId zone) {
        Duration paused = calendars.elapsed(from, to, unit);
        var moved = calendars.plusElapsed(deadline, paused, unit);
        lines.add(text(locale, unit.isWorking() ? "cases.explain.parked-working" : "cases.explain.parked-natural",
                time(from, zone), time(to, zone), String.valueOf(paused.toMinutes()), time(moved, zone)));
        return moved;
    }

    private Instant extended(TimelineEntry e, Instant deadline, List<String> lines, Locale locale, ZoneId zone) {
        var granted = granted(e.reason());
        if (granted.isEmpty()) {
            return deadline;
        }
        var g = granted.get();
        var extension = calendars.deadline(deadline, g.amount(), g.unit());
        lines.add(text(locale, "cases.explain.extended", time(e.occurredAt(), zone), String.valueOf(g.amount()),
                unit(g.unit(), locale), time(deadline, zone), time(extension.at(), zone)));
        lines.addAll(calendars.explain(extension, locale));
        return extension.at();
    }

    record Granted(int amount, TimeUnit unit) {
    }

    /** The approve-extension entry records what was granted as {@code "<amount> <UNIT>"}. */
    static Optional<Granted> granted(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        var parts = reason.strip().split(" ");
        try {
            return parts.length == 2
                    ? Optional.of(new Granted(Integer.parseInt(parts[0]), TimeUnit.valueOf(parts[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String unit(TimeUnit unit, Locale locale) {
        return messages.getMessage(unit.messageKey(), null, unit.name(), locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }
}
