package org.citygrid.geo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.citygrid.geo.GeocodeCandidate.Kind;
import org.citygrid.geo.internal.AddressImportRejected;
import org.citygrid.geo.internal.AddressPoints;
import org.citygrid.geo.internal.Divisions;
import org.citygrid.geo.internal.ImportRejected;
import org.citygrid.geo.internal.UnitGrids;
import org.citygrid.platform.web.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.geo.GeoJsonFixtures.collection;
import static org.citygrid.geo.GeoJsonFixtures.feature;
import static org.citygrid.geo.GeoJsonFixtures.polygon;
import static org.citygrid.geo.GeoJsonFixtures.square;

/**
 * Geocoding over stored data: address points and unit grids imported, found by the geocoder and the point index at
 * once (no restart). Run on H2 and on PostgreSQL by the two subclasses. Each test has its own district 9906xx and
 * its own names, so that tests sharing a database do not see each other's places.
 */
@SpringBootTest
abstract class GeocodePersistenceContract {

    @Autowired
    Divisions divisions;
    @Autowired
    UnitGrids grids;
    @Autowired
    AddressPoints addresses;
    @Autowired
    Geocoder geocoder;
    @Autowired
    Locator locator;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** District {@code dd}, one street and one community {@code <dd>001001}, all squares at (lon, lat), named by tag. */
    private void world(String district, String tag, double lon, double lat) {
        divisions.importGeoJson(bytes(collection(
                feature(district, tag + "测区", "DISTRICT", null, polygon(square(lon, lat, 0.02))),
                feature(district + "001", tag + "测街道", "STREET", district, polygon(square(lon, lat, 0.02))),
                feature(district + "001001", tag + "测社区居委会", "COMMUNITY", district + "001",
                        polygon(square(lon, lat, 0.01))))), Crs.WGS84);
    }

    private static String grid(String code, double lon, double lat, double side) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":"
                + polygon(square(lon, lat, side)) + "}";
    }

    @Test
    void importedGridsReplaceTheCommunitysGridsAndLocateAndGeocodeFollowAtOnce() {
        world("990601", "甲", 108, 30);
        var community = "990601001001";
        assertThat(locator.locate(108.002, 30.002)).isEmpty();

        var first = grids.importGeoJson(bytes(collection(grid(community + "001", 108, 30, 0.01),
                grid(community + "002", 108.01, 30, 0.01))), Crs.WGS84);
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.replaced()).isZero();
        assertThat(locator.locate(108.002, 30.002)).map(GridLocation::gridCode).contains(community + "001");
        assertThat(locator.locate(108.012, 30.002)).map(GridLocation::communityCode).contains(community);
        assertThat(geocoder.geocode("甲测社区").getFirst().gridCode()).isEqualTo(community + "001");

        var second = grids.importGeoJson(bytes(collection(grid(community + "003", 108, 30, 0.02))), Crs.WGS84);
        assertThat(second.replaced()).isEqualTo(2);
        assertThat(grids.list(community, null, Paging.of(0, 10)).items()).extracting(UnitGrids.UnitGrid::code)
                .containsExactly(community + "003");
        assertThat(locator.locate(108.012, 30.002)).map(GridLocation::gridCode).contains(community + "003");
        assertThat(geocoder.geocode("甲测社区").getFirst().gridCode()).isEqualTo(community + "003");
    }

    @Test
    void aGridFileWithOneBadFeatureWritesNothingAndKeepsTheOldGrids() {
        world("990602", "乙", 108.1, 30);
        var community = "990602001001";
        grids.importGeoJson(bytes(collection(grid(community + "001", 108.1, 30, 0.01))), Crs.WGS84);

        assertThatThrownBy(() -> grids.importGeoJson(bytes(collection(grid(community + "002", 108.1, 30, 0.005),
                grid("990602009001001", 108.105, 30, 0.005))), Crs.WGS84)).isInstanceOf(ImportRejected.class);

        assertThat(grids.list(community, null, Paging.of(0, 10)).items()).extracting(UnitGrids.UnitGrid::code)
                .containsExactly(community + "001");
        assertThat(locator.locate(108.102, 30.002)).map(GridLocation::gridCode).contains(community + "001");
    }

    @Test
    void importedAddressPointsAreGeocodedAndAReimportMovesThemInsteadOfCopying() {
        world("990603", "丙", 108.2, 30);
        grids.importGeoJson(bytes(collection(grid("990603001001001", 108.2, 30, 0.01))), Crs.WGS84);
        long before = addresses.count();

        var csv = "name,address,lon,lat\n丙测路1号院,北京市丙测区丙测街道丙测路1号院,108.203,30.003\n";
        assertThat(addresses.importFile(bytes(csv), Crs.WGS84).imported()).isEqualTo(1);
        var found = geocoder.geocode("丙测路１号").getFirst();
        assertThat(found.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(found.gridCode()).isEqualTo("990603001001001");
        assertThat(found.lon()).isEqualTo(108.203);

        var moved = addresses.importFile(bytes(csv.replace("108.203", "108.204")), Crs.WGS84);
        assertThat(moved.imported()).isZero();
        assertThat(moved.updated()).isEqualTo(1);
        assertThat(addresses.count()).isEqualTo(before + 1);
        assertThat(geocoder.geocode("丙测路1号").getFirst().lon()).isEqualTo(108.204);
    }

    @Test
    void anAddressFileWithOneBadLineWritesNothing() {
        long before = addresses.count();
        var csv = "name,lon,lat\n丁测路2号,108.3,30.1\n丁测路3号,east,30.1\n";

        assertThatThrownBy(() -> addresses.importFile(bytes(csv), Crs.WGS84))
                .isInstanceOfSatisfying(AddressImportRejected.class,
                        e -> assertThat(e.problems()).extracting(p -> p.line()).containsExactly(3));
        assertThat(addresses.count()).isEqualTo(before);
        assertThat(geocoder.geocode("丁测路2号")).isEmpty();
    }

    @Test
    void aPointIsDescribedByItsStreetCommunityGridAndNearestAddressInEitherLanguage() {
        world("990605", "戊", 108.4, 30);
        grids.importGeoJson(bytes(collection(grid("990605001001001", 108.4, 30, 0.01))), Crs.WGS84);
        addresses.importFile(bytes("name,lon,lat\n戊测路8号,108.4031,30.003\n"), Crs.WGS84);

        var zh = geocoder.describe(108.403, 30.003, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(zh.label()).isEqualTo("戊测街道戊测社区，网格 990605001001001");
        assertThat(zh.community()).isEqualTo(new Place.DivisionRef("990605001001", "戊测社区"));
        assertThat(zh.street().code()).isEqualTo("990605001");
        assertThat(zh.district().name()).isEqualTo("戊测区");
        assertThat(zh.nearestAddress().name()).isEqualTo("戊测路8号");
        assertThat(zh.nearestAddress().distanceMeters()).isBetween(5.0, 15.0);

        var en = geocoder.describe(108.403, 30.003, Locale.ENGLISH).orElseThrow();
        assertThat(en.label()).isEqualTo("戊测街道, 戊测社区, grid 990605001001001");
        assertThat(geocoder.describe(108.415, 30.003)).isEmpty();
    }
}
