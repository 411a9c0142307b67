package org.citygrid.assets.internal;

/**
 * A count of components in one cell of the map, placed at their mean position; {@code synthetic} of them are demo
 * data.
 */
public record Cluster(double lon, double lat, long count, long synthetic) {
}
