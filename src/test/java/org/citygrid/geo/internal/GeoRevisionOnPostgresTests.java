package org.citygrid.geo.internal;

import org.citygrid.support.OnPostgres;

/** Cross-node freshness of the spatial indexes on PostgreSQL. */
@OnPostgres
class GeoRevisionOnPostgresTests extends GeoRevisionContract {
}
