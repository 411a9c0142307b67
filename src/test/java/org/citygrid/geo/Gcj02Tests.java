package org.citygrid.geo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GCJ-02 conversion. The reference pairs are the test vectors of googollee/eviltransform (Go, test file
 * transform_test.go; reused verbatim by its JS, Python, Swift and Java ports): WGS84 → GCJ-02 for Shanghai, Shenzhen and
 * Beijing.
 */
class Gcj02Tests {

    @ParameterizedTest
    @CsvSource({
            "121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",
            "113.912316, 22.543847, 113.9171764808363, 22.540796131694766",
            "116.377817, 39.911954, 116.38404722455657, 39.91334545536069"})
    void shiftsWgs84ToGcj02AsThePublishedReferencePairs(double wLon, double wLat, double gLon, double gLat) {
        var gcj = Gcj02.fromWgs84(wLon, wLat);
        assertThat(gcj.lon()).isCloseTo(gLon, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(gLat, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
            "121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",
            "113.912316, 22.543847, 113.9171764808363, 22.540796131694766",
            "116.377817, 39.911954, 116.38404722455657, 39.91334545536069"})
    void invertsTheReferencePairsToWithinOneCentimetre(double wLon, double wLat, double gLon, double gLat) {
        var wgs = Gcj02.toWgs84(gLon, gLat);
        assertThat(metres(wgs, new LonLat(wLon, wLat))).isLessThan(0.01);
    }

    @Property(tries = 2000)
    void roundTripsEveryPointInChinaToWithinOneCentimetre(@ForAll @DoubleRange(min = 73, max = 135) double lon,
                                                          @ForAll @DoubleRange(min = 18, max = 53) double lat) {
        var gcj = Gcj02.fromWgs84(lon, lat);
        assertThat(metres(gcj, new LonLat(lon, lat))).isBetween(1.0, 1500.0);
        assertThat(metres(Gcj02.toWgs84(gcj.lon(), gcj.lat()), new LonLat(lon, lat))).isLessThan(0.01);
    }

    @ParameterizedTest
    @CsvSource({"-0.1276, 51.5072", "139.6917, 35.6895", "-74.006, 40.7128", "151.2093, -33.8688"})
    void leavesPointsOutsideChinaUnchanged(double lon, double lat) {
        assertThat(Gcj02.fromWgs84(lon, lat)).isEqualTo(new LonLat(lon, lat));
        assertThat(Gcj02.toWgs84(lon, lat)).isEqualTo(new LonLat(lon, lat));
        assertThat(Crs.GCJ02.toWgs84(lon, lat)).isEqualTo(new LonLat(lon, lat));
    }

    @org.junit.jupiter.api.Test
    void treatsWgs84AsIdentity() {
        assertThat(Crs.WGS84.toWgs84(116.4, 39.9)).isEqualTo(new LonLat(116.4, 39.9));
    }

    private static double metres(LonLat a, LonLat b) {
        double dy = (a.lat() - b.lat()) * 111_320;
        double dx = (a.lon() - b.lon()) * 111_320 * Math.cos(Math.toRadians(b.lat()));
        return Math.hypot(dx, dy);
    }
}
