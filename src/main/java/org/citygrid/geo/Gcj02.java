package org.citygrid.geo;

/**
 * Conversion between WGS84 and GCJ-02 (国测局坐标), with the public formulas of the eviltransform family
 * (Krasovsky 1940 ellipsoid constants). Outside China's rough bounding box GCJ-02 applies no offset. The inverse has
 * no closed form and is found by fixed-point iteration until the forward transform reproduces the input to within
 * 1e-9 degrees (about 0.1 mm).
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double TOLERANCE_DEGREES = 1e-9;
    private static final int MAX_ITERATIONS = 30;

    private Gcj02() {
    }

    /** Whether GCJ-02 leaves the point unchanged (outside mainland China's rough bounding box). */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static LonLat fromWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        return new LonLat(lon + deltaLon(lon, lat), lat + deltaLat(lon, lat));
    }

    public static LonLat toWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double wLon = lon - deltaLon(lon, lat);
        double wLat = lat - deltaLat(lon, lat);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double errLon = wLon + deltaLon(wLon, wLat) - lon;
            double errLat = wLat + deltaLat(wLon, wLat) - lat;
            wLon -= errLon;
            wLat -= errLat;
            if (Math.abs(errLon) < TOLERANCE_DEGREES && Math.abs(errLat) < TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(wLon, wLat);
    }

    private static double deltaLat(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double d = common(x) + 20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y * Math.PI / 3.0)
                + 160.0 * Math.sin(y * Math.PI / 12.0) + 320.0 * Math.sin(y * Math.PI / 30.0);
        d = d * 2.0 / 3.0 - 100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        return d * 180.0 / ((A * (1 - EE)) / (magic * Math.sqrt(magic)) * Math.PI);
    }

    private static double deltaLon(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double d = common(x) + 20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x * Math.PI / 3.0)
                + 150.0 * Math.sin(x * Math.PI / 12.0) + 300.0 * Math.sin(x * Math.PI / 30.0);
        d = d * 2.0 / 3.0 + 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        return d * 180.0 / (A / Math.sqrt(magic) * Math.cos(radLat) * Math.PI);
    }

    private static double common(double x) {
        return 20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI);
    }
}
