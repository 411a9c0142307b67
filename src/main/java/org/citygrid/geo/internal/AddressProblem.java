package org.citygrid.geo.internal;

/**
 * A problem with one address point of an imported file: {@code line} for CSV (the header is line 1), {@code feature}
 * (0-based) for GeoJSON, both null for the file as a whole. The text comes from the geo bundle.
 */
public record AddressProblem(Integer line, Integer feature, String messageKey, Object... arguments) {
}
