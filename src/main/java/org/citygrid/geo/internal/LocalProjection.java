package org.citygrid.geo.internal;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local equirectangular projection on the WGS84 ellipsoid around a reference latitude/longitude: x = N·cos φ0·Δλ,
 * y = M·Δφ, with M and N the meridional and prime-vertical radii of curvature at φ0. Metres are exact at φ0; away from
 * it the east-west scale is off by about tan φ0 · Δφ (0.07 % at 5 km north or south of the centre at Beijing's
 * latitude), so areas of small polygons measured around their own centre are true to well below 0.01 %.
 */
public record LocalProjection(double lon0, double lat0, double metresPerDegreeLon, double metresPerDegreeLat) {

    private static final double A = 6378137.0;
    private static final double E2 = 0.00669437999014;

    public static LocalProjection around(double lon0, double lat0) {
        double phi = Math.toRadians(lat0);
        double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
        double n = A / Math.sqrt(w);
        double m = A * (1 - E2) / (w * Math.sqrt(w));
        return new LocalProjection(lon0, lat0, n * Math.cos(phi) * Math.PI / 180, m * Math.PI / 180);
    }

    /** Centred on the middle of the geometry's bounding box. */
    public static LocalProjection around(Geometry lonLat) {
        var env = lonLat.getEnvelopeInternal();
        return around((env.getMinX() + env.getMaxX()) / 2, (env.getMinY() + env.getMaxY()) / 2);
    }

    /** The true area of a WGS84 polygon in square metres. */
    public static double areaM2(Geometry lonLat) {
        return around(lonLat).forward(lonLat).getArea();
    }

    public Geometry forward(Geometry lonLat) {
        var copy = lonLat.copy();
        copy.apply(new Affine(metresPerDegreeLon, -lon0 * metresPerDegreeLon, metresPerDegreeLat,
                -lat0 * metresPerDegreeLat));
        return copy;
    }

    public Geometry inverse(Geometry metres) {
        var copy = metres.copy();
        copy.apply(new Affine(1 / metresPerDegreeLon, lon0, 1 / metresPerDegreeLat, lat0));
        return copy;
    }

    private record Affine(double sx, double tx, double sy, double ty) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, 0, seq.getX(i) * sx + tx);
            seq.setOrdinate(i, 1, seq.getY(i) * sy + ty);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
