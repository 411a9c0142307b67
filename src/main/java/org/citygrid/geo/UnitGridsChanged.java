package org.citygrid.geo;

/** The unit grids under a division were replaced (generated or imported); {@code count} grids exist there now. */
public record UnitGridsChanged(String divisionCode, int count) {
}
