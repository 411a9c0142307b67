package org.citygrid.geo;

import org.citygrid.support.OnPostgres;

/** Geocoding over stored data on the real PostgreSQL. */
@OnPostgres
class GeocodePersistenceOnPostgresTests extends GeocodePersistenceContract {
}
