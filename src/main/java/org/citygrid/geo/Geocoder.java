package org.citygrid.geo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 地理编码 — address text → candidate places (named divisions and imported address points) and point → a readable
 * description with its grid and division chain. Served from an in-memory gazetteer: no database access per call, safe
 * from any thread.
 */
public interface Geocoder {

    /** Longest query accepted, in characters after trimming. */
    int MAX_QUERY_LENGTH = 100;

    /** Candidates for an address text, best first (at most {@code limit}); empty when nothing matches. */
    List<GeocodeCandidate> geocode(String text, int limit);

    default List<GeocodeCandidate> geocode(String text) {
        return geocode(text, 10);
    }

    /** The grid, division chain and a label in {@code locale} for a WGS84 point; empty when no grid covers it. */
    Optional<Place> describe(double lon, double lat, Locale locale);

    /** As {@link #describe(double, double, Locale)} with the platform's default language (zh-CN). */
    default Optional<Place> describe(double lon, double lat) {
        return describe(lon, lat, Locale.SIMPLIFIED_CHINESE);
    }
}
