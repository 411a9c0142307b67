package org.citygrid.geo.internal;

/** Cross-node freshness of the spatial indexes on H2. */
class GeoRevisionTests extends GeoRevisionContract {
}
