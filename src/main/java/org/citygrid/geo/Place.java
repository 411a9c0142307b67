package org.citygrid.geo;

/**
 * What {@link Geocoder#describe} says about a point: a label such as "东华门街道多福巷社区，网格 110101001001001", the
 * unit grid and its division chain (community and street are null for grids made without those boundaries), the
 * supervision grid if any, and the nearest imported address point within {@value #NEAREST_ADDRESS_METRES} m, if any.
 */
public record Place(String label, String gridCode, DivisionRef community, DivisionRef street, DivisionRef district,
                    String supervisionGridCode, NearbyAddress nearestAddress) {

    /** How far the nearest address point may be, in metres. */
    public static final int NEAREST_ADDRESS_METRES = 100;

    /** A division by code and name. */
    public record DivisionRef(String code, String name) {
    }

    /** An imported address point near the described point, with its distance in metres. */
    public record NearbyAddress(String name, String address, double lon, double lat, double distanceMeters) {
    }
}
