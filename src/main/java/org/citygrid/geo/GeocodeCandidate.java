package org.citygrid.geo;

/**
 * One answer of {@link Geocoder#geocode}: a named place with its representative WGS84 point (inside its boundary) and,
 * where a unit grid covers that point, its grid and division chain. {@code code} is the division code (null for an
 * address point); {@code score} is 0..1 (higher is better); {@code matched} is the part of the normalised query the
 * place explains.
 */
public record GeocodeCandidate(String name, Kind kind, String code, double lon, double lat, String gridCode,
                               String communityCode, String streetCode, String districtCode, double score,
                               String matched) {

    /** What was matched. */
    public enum Kind {
        /** 门牌/POI — an imported address point. */
        ADDRESS,
        /** 社区 */
        COMMUNITY,
        /** 街道 */
        STREET,
        /** 区 */
        DISTRICT
    }
}
