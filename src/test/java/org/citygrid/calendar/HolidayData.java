package org.citygrid.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.calendar.internal.HolidayDocument;

import tools.jackson.databind.json.JsonMapper;

/** The bundled holiday-cn years (2023–2026) as a plain {@link WorkingCalendar}, for tests without Spring. */
final class HolidayData {

    static final WorkingCalendar BUNDLED = bundled();

    private HolidayData() {
    }

    private static WorkingCalendar bundled() {
        var json = JsonMapper.builder().build();
        var years = new HashMap<Integer, List<ListedDay>>();
        for (int year = 2023; year <= 2026; year++) {
            try (var in = HolidayData.class.getResourceAsStream("/reference/holidays/" + year + ".json")) {
                years.put(year, HolidayDocument.read(json.readTree(in), year).days());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new WorkingCalendar(WorkingCalendar.DEFAULT_ZONE, WorkingCalendar.DEFAULT_WINDOWS, Map.copyOf(years));
    }

    /** {@code 2026-09-30T17:00} in Beijing time. */
    static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+08:00").toInstant();
    }
}
