package org.citygrid.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small GeoJSON documents for tests: features are built from rings of [lon, lat] pairs. */
public final class GeoJsonFixtures {

    private GeoJsonFixtures() {
    }

    public static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /** A feature with plain properties {@code code, name, level} (and parentCode when not null). */
    public static String feature(String code, String name, String level, String parentCode, String geometry) {
        var parent = parentCode == null ? "" : ",\"parentCode\":\"" + parentCode + "\"";
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"level\":\"" + level + "\"" + parent + "},\"geometry\":" + geometry + "}";
    }

    /** A Polygon geometry from rings, each ring a list of [lon, lat] pairs (closed by the caller). */
    public static String polygon(List<double[]>... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + Arrays.stream(rings)
                .map(GeoJsonFixtures::ring).collect(Collectors.joining(",")) + "]}";
    }

    /** An axis-aligned closed square ring with its south-west corner at (lon, lat). */
    public static List<double[]> square(double lon, double lat, double side) {
        return List.of(new double[] {lon, lat}, new double[] {lon + side, lat}, new double[] {lon + side, lat + side},
                new double[] {lon, lat + side}, new double[] {lon, lat});
    }

    /** The same square ring in the opposite orientation, as a hole. */
    public static List<double[]> hole(double lon, double lat, double side) {
        return List.of(new double[] {lon, lat}, new double[] {lon, lat + side}, new double[] {lon + side, lat + side},
                new double[] {lon + side, lat}, new double[] {lon, lat});
    }

    static String ring(List<double[]> ring) {
        return ring.stream().map(p -> String.format(Locale.ROOT, "[%.10f,%.10f]", p[0], p[1]))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
