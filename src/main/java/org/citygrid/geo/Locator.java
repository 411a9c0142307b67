package org.citygrid.geo;

import java.util.Optional;

/**
 * Point → unit grid lookup from an in-memory index: no database access, safe to call from any thread. A point on an
 * edge shared by several grids resolves to the grid with the smallest code.
 */
public interface Locator {

    /** The grid covering the WGS84 point, or empty when no grid covers it. */
    Optional<GridLocation> locate(double lon, double lat);

    default Optional<GridLocation> locate(double lon, double lat, Crs crs) {
        var p = crs.toWgs84(lon, lat);
        return locate(p.lon(), p.lat());
    }
}
