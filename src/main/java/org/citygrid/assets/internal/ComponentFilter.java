package org.citygrid.assets.internal;

/**
 * Which components a list, export or cluster query covers; every part is optional (null). {@code bbox} is
 * {@code minLon, minLat, maxLon, maxLat} in WGS84.
 */
public record ComponentFilter(String classCode, ComponentState state, String gridCode, BBox bbox) {

    public record BBox(double minLon, double minLat, double maxLon, double maxLat) {
    }

    public static ComponentFilter none() {
        return new ComponentFilter(null, null, null, null);
    }
}
