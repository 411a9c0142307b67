package org.citygrid.assets.internal;

/** A count of components in one cell of the map, placed at their mean position. */
public record Cluster(double lon, double lat, long count) {
}
