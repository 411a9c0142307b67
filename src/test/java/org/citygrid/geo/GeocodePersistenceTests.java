package org.citygrid.geo;

/** Geocoding over stored data on the embedded H2 (PostgreSQL mode). */
class GeocodePersistenceTests extends GeocodePersistenceContract {
}
