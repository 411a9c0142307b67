package org.citygrid.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date the State Council's notice names: an official day off ({@code offDay}) or a make-up workday (调休,
 * {@code !offDay}, a weekend date worked in exchange for a holiday). Dates not listed follow Monday–Friday.
 */
public record ListedDay(LocalDate date, String name, boolean offDay) {

    public ListedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
