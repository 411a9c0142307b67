package org.citygrid.geo;

/** The coordinate reference systems the platform accepts. Everything is stored in WGS84. */
public enum Crs {
    /** GPS coordinates (EPSG:4326, lon/lat). */
    WGS84,
    /** 国测局坐标 — the obfuscated datum of Chinese web maps (AMap, Tencent, DataV). */
    GCJ02;

    /** The point in WGS84. */
    public LonLat toWgs84(double lon, double lat) {
        return this == GCJ02 ? Gcj02.toWgs84(lon, lat) : new LonLat(lon, lat);
    }
}
