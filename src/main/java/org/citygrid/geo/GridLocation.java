package org.citygrid.geo;

/**
 * The unit grid a point lies in, with its chain of divisions. {@code streetCode} and {@code communityCode} are null
 * for grids generated over a division without street or community boundaries; {@code supervisionGridCode} and
 * {@code supervisor} (the username of that supervision grid's supervisor, who verifies and checks there) are null
 * while supervision grids are not assigned.
 */
public record GridLocation(String gridCode, String communityCode, String streetCode, String districtCode,
                           String supervisionGridCode, String supervisor) {
}
