package org.citygrid.calendar.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Imports the bundled holiday years (reference data, every profile) once all beans exist — after Flyway, before any
 * application runner such as the demo data computes a deadline — and builds the in-memory calendar.
 */
@Component
class BundledHolidays implements SmartInitializingSingleton {

    private final CalendarYears years;

    BundledHolidays(CalendarYears years) {
        this.years = years;
    }

    @Override
    public void afterSingletonsInstantiated() {
        years.importBundled();
    }
}
