package org.citygrid.geo;

/** A geographic position in degrees, longitude first (GeoJSON order). */
public record LonLat(double lon, double lat) {
}
