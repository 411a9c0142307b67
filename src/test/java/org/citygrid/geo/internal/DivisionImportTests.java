package org.citygrid.geo.internal;

import java.util.List;
import java.util.Map;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.Gcj02;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.citygrid.geo.GeoJsonFixtures.collection;
import static org.citygrid.geo.GeoJsonFixtures.feature;
import static org.citygrid.geo.GeoJsonFixtures.polygon;
import static org.citygrid.geo.GeoJsonFixtures.square;

/** The checks an imported boundary file goes through before anything is written. */
class DivisionImportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DISTRICT = feature("990101", "测试区", "DISTRICT", null, polygon(square(100, 30, 0.1)));

    private static DivisionImport.Plan check(String geojson, Crs crs, Map<String, DivisionLevel> stored) {
        return DivisionImport.check(JSON.readTree(geojson), crs, stored::get);
    }

    private static List<FeatureProblem> rejection(String geojson) {
        try {
            check(geojson, Crs.WGS84, Map.of());
        } catch (ImportRejected e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void acceptsPlainPropertiesAndDerivesTheParentFromTheCode() {
        var plan = check(collection(DISTRICT,
                feature("990101001", "测试街道", "street", null, polygon(square(100, 30, 0.05)))), Crs.WGS84, Map.of());

        assertThat(plan.entries()).extracting(DivisionImport.Entry::code).containsExactly("990101", "990101001");
        assertThat(plan.entries().get(1).parentCode()).isEqualTo("990101");
        assertThat(plan.entries().get(1).level()).isEqualTo(DivisionLevel.STREET);
        assertThat(plan.repaired()).isEmpty();
    }

    @Test
    void acceptsDataVPropertiesAndConvertsGcj02ToWgs84() {
        var datav = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":"
                + "110101,\"name\":\"东城区\",\"level\":\"district\",\"parent\":{\"adcode\":110000}},\"geometry\":"
                + polygon(square(116.40, 39.90, 0.01)) + "}]}";
        var plan = check(datav, Crs.GCJ02, Map.of());

        var first = plan.entries().get(0).wgs84().getCoordinates()[0];
        var expected = Gcj02.toWgs84(116.40, 39.90);
        assertThat(plan.entries().get(0).code()).isEqualTo("110101");
        assertThat(first.x).isCloseTo(expected.lon(), within(1e-9));
        assertThat(first.y).isCloseTo(expected.lat(), within(1e-9));
        assertThat(first.x).isNotCloseTo(116.40, within(1e-4));
    }

    @Test
    void rejectsSomethingThatIsNotAFeatureCollection() {
        assertThat(rejection("{\"type\":\"Feature\"}")).extracting(FeatureProblem::messageKey)
                .containsExactly("geo.import.not-feature-collection");
        assertThat(rejection("[1,2,3]")).extracting(FeatureProblem::messageKey)
                .containsExactly("geo.import.not-feature-collection");
    }

    @Test
    void rejectsCoordinatesOutsideTheLongitudeLatitudeRange() {
        var projected = feature("990101", "测试区", "DISTRICT", null, polygon(square(500000, 4400000, 1000)));
        var swapped = feature("990102", "测试区", "DISTRICT", null, polygon(square(39.9, 116.4, 0.01)));

        assertThat(rejection(collection(projected, swapped))).extracting(FeatureProblem::feature,
                FeatureProblem::messageKey).containsExactly(
                tuple(0, "geo.import.geometry.range"),
                tuple(1, "geo.import.geometry.range"));
    }

    @Test
    void rejectsOpenRingsShortRingsAndOtherGeometryTypes() {
        var open = "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.1,30],[100.1,30.1],[100,30.1]]]}";
        var shortRing = "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.1,30],[100,30]]]}";
        var point = "{\"type\":\"Point\",\"coordinates\":[100,30]}";

        assertThat(rejection(collection(feature("990101", "a", "DISTRICT", null, open),
                feature("990102", "b", "DISTRICT", null, shortRing),
                feature("990103", "c", "DISTRICT", null, point))))
                .extracting(FeatureProblem::messageKey)
                .containsExactly("geo.import.ring.open", "geo.import.ring.short", "geo.import.geometry.type");
    }

    @Test
    void repairsASelfIntersectingPolygonAndReportsTheRepair() {
        var bowtie = polygon(List.of(new double[] {100, 30}, new double[] {100.1, 30.1}, new double[] {100.1, 30},
                new double[] {100, 30.1}, new double[] {100, 30}));
        var plan = check(collection(feature("990101", "领结区", "DISTRICT", null, bowtie)), Crs.WGS84, Map.of());

        assertThat(plan.repaired()).singleElement().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("geo.import.geometry.repaired");
            assertThat(r.code()).isEqualTo("990101");
            assertThat(r.arguments()[0].toString()).containsIgnoringCase("self-intersection");
        });
        var fixed = plan.entries().get(0).wgs84();
        assertThat(fixed.isValid()).isTrue();
        assertThat(fixed.getArea()).isCloseTo(0.005, within(1e-9));
    }

    @Test
    void rejectsAPolygonThatCannotBeRepaired() {
        var flat = polygon(List.of(new double[] {100, 30}, new double[] {100.1, 30}, new double[] {100.2, 30},
                new double[] {100, 30}));

        assertThat(rejection(collection(feature("990101", "扁区", "DISTRICT", null, flat))))
                .extracting(FeatureProblem::messageKey).containsExactly("geo.import.geometry.unrepairable");
    }

    @Test
    void rejectsDuplicateCodesUnknownLevelsAndCodesOfTheWrongLength() {
        var problems = rejection(collection(DISTRICT, DISTRICT,
                feature("990101002", "x", "province", null, polygon(square(100, 30, 0.01))),
                feature("99010100", "y", "STREET", null, polygon(square(100, 30, 0.01))),
                feature("990101003", "z", "COMMUNITY", null, polygon(square(100, 30, 0.01)))));

        assertThat(problems).extracting(FeatureProblem::feature, FeatureProblem::messageKey).containsExactly(
                tuple(1, "geo.import.code.duplicate"),
                tuple(2, "geo.import.level.unknown"),
                tuple(3, "geo.import.code.invalid"),
                tuple(4, "geo.import.level.code-length"));
    }

    @Test
    void aParentMustBeInTheFileOrAlreadyStoredAtTheLevelAbove() {
        var orphan = feature("990201001", "孤儿街道", "STREET", null, polygon(square(100, 30, 0.01)));
        var wrongLevel = feature("990101001001", "社区", "COMMUNITY", "990101", polygon(square(100, 30, 0.01)));

        assertThat(rejection(collection(DISTRICT, orphan, wrongLevel)))
                .extracting(FeatureProblem::feature, FeatureProblem::messageKey).containsExactly(
                        tuple(1, "geo.import.parent.unknown"),
                        tuple(2, "geo.import.parent.level"));
        assertThat(check(collection(orphan), Crs.WGS84, Map.of("990201", DivisionLevel.DISTRICT)).entries())
                .hasSize(1);
    }

    @Test
    void listsEveryProblemOfTheFileNotJustTheFirst() {
        assertThatThrownBy(() -> check(collection(
                feature("1", "a", "DISTRICT", null, polygon(square(100, 30, 0.01))),
                feature("990102", "", "DISTRICT", null, polygon(square(100, 30, 0.01)))), Crs.WGS84, Map.of()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems()).hasSize(2));
    }
}
