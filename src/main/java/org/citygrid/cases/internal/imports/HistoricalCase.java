package org.citygrid.cases.internal.imports;

import java.time.Instant;
import java.util.List;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.Channel;
import org.citygrid.catalog.ClassKind;

/**
 * One line of an import file: a case as another system recorded it. The report is implied by {@code reportedAt} and
 * {@code reporter} (a username for the supervisor channel, free text otherwise); {@code events} follow in time order.
 */
public record HistoricalCase(String externalId, Channel channel, ClassKind kind, String classCode, Double lon,
                             Double lat, String address, String description, Boolean selfHandled, Instant reportedAt,
                             String reporter, List<Event> events) {

    /** One action of the history, taken by {@code actor} at {@code at}; the other fields as the action needs them. */
    public record Event(Instant at, String action, String actor, String departmentCode, String supervisor,
                        Boolean passed, Integer amount, TimeUnit unit, String reason, String note,
                        String parentExternalId, Boolean urgent) {
    }

    List<Event> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
