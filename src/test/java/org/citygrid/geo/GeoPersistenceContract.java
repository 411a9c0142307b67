package org.citygrid.geo;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.citygrid.geo.internal.Divisions;
import org.citygrid.geo.internal.ImportRejected;
import org.citygrid.geo.internal.LocalProjection;
import org.citygrid.geo.internal.SupervisionGrids;
import org.citygrid.geo.internal.UnitGrids;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Paging;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.citygrid.geo.GeoJsonFixtures.collection;
import static org.citygrid.geo.GeoJsonFixtures.feature;
import static org.citygrid.geo.GeoJsonFixtures.hole;
import static org.citygrid.geo.GeoJsonFixtures.polygon;
import static org.citygrid.geo.GeoJsonFixtures.square;

/** The geo module's persistence and lookup rules; run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
abstract class GeoPersistenceContract {

    @Autowired
    Divisions divisions;
    @Autowired
    UnitGrids grids;
    @Autowired
    Locator locator;
    @Autowired
    SupervisionGrids supervision;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importsBoundariesAndListsDivisionsByParentAndLevel() {
        var result = divisions.importGeoJson(bytes(collection(
                feature("990201", "甲区", "DISTRICT", null, polygon(square(103, 26, 0.02))),
                feature("990201001", "甲街道", "STREET", "990201", polygon(square(103, 26, 0.01))),
                feature("990201002", "乙街道", "STREET", "990201", polygon(square(103.01, 26, 0.01))))), Crs.WGS84);

        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.updated()).isZero();
        assertThat(divisions.list("990201", DivisionLevel.STREET)).extracting(d -> d.code())
                .containsExactly("990201001", "990201002");
        var district = divisions.division("990201");
        assertThat(district.hasBoundary()).isTrue();
        assertThat(district.areaM2()).isCloseTo(LocalProjection.areaM2(district.geometry()), within(1e-6));
        assertThat(district.areaM2()).isBetween(4.4e6, 5.0e6);
    }

    @Test
    void aFileWithOneBadFeatureWritesNothing() {
        var good = feature("990202", "好区", "DISTRICT", null, polygon(square(103, 27, 0.02)));
        var bad = feature("990202001", "坏街道", "STREET", "990202",
                "{\"type\":\"Polygon\",\"coordinates\":[[[103,27],[103.01,27],[103.01,27.01],[103,27.01]]]}");

        assertThatThrownBy(() -> divisions.importGeoJson(bytes(collection(good, bad)), Crs.WGS84))
                .isInstanceOf(ImportRejected.class);
        assertThat(divisions.list(null, DivisionLevel.DISTRICT)).extracting(d -> d.code()).doesNotContain("990202");
    }

    @Test
    void reimportingReplacesTheBoundaryAndCountsAsAnUpdate() {
        divisions.importGeoJson(bytes(collection(feature("990203", "丙区", "DISTRICT", null,
                polygon(square(103, 28, 0.02))))), Crs.WGS84);
        var before = divisions.division("990203");

        var result = divisions.importGeoJson(bytes(collection(feature("990203", "丙区（新）", "DISTRICT", null,
                polygon(square(103, 28, 0.01))))), Crs.WGS84);

        var after = divisions.division("990203");
        assertThat(result.updated()).isEqualTo(1);
        assertThat(after.name()).isEqualTo("丙区（新）");
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.areaM2()).isCloseTo(before.areaM2() / 4, within(before.areaM2() * 1e-3));
    }

    @Test
    void generatesGridsForAnyDataVDistrictWithoutCodeChanges() throws Exception {
        var beijing = new ClassPathResource("reference/boundaries/beijing_110100_districts_datav.json")
                .getContentAsByteArray();
        divisions.importGeoJson(beijing, Crs.GCJ02);

        int generated = grids.generate("110102", 250);

        var all = grids.all("110102", null);
        assertThat(all).hasSize(generated).isNotEmpty();
        assertThat(all).allSatisfy(g -> assertThat(g.code()).hasSize(15).startsWith("110102000"));
        double sum = all.stream().mapToDouble(UnitGrids.UnitGrid::areaM2).sum();
        double area = divisions.division("110102").areaM2();
        assertThat(sum).isCloseTo(area, within(area * 0.005));
    }

    @Test
    void locatesInteriorEdgeHoleAndOutsidePointsInBothCrs() {
        divisions.importGeoJson(bytes(collection(feature("990301", "有洞区", "DISTRICT", null,
                polygon(square(102, 25, 0.02), hole(102.008, 25.008, 0.004))))), Crs.WGS84);
        grids.generate("990301", 500);
        var all = grids.all("990301", null);

        var first = all.get(0);
        var inside = first.geometry().getInteriorPoint().getCoordinate();
        assertThat(locator.locate(inside.x, inside.y)).get().satisfies(l -> {
            assertThat(l.gridCode()).isEqualTo(first.code());
            assertThat(l.districtCode()).isEqualTo("990301");
            assertThat(l.streetCode()).isNull();
        });
        var gcj = Gcj02.fromWgs84(inside.x, inside.y);
        assertThat(locator.locate(gcj.lon(), gcj.lat(), Crs.GCJ02)).get()
                .extracting(GridLocation::gridCode).isEqualTo(first.code());
        assertThat(locator.locate(gcj.lon(), gcj.lat())).isNotEqualTo(locator.locate(inside.x, inside.y));

        var corner = sharedVertex(all);
        var covering = all.stream().filter(g -> g.geometry().covers(g.geometry().getFactory().createPoint(corner)))
                .map(UnitGrids.UnitGrid::code).sorted().toList();
        assertThat(covering).hasSizeGreaterThan(1);
        assertThat(locator.locate(corner.x, corner.y)).get().extracting(GridLocation::gridCode)
                .isEqualTo(covering.get(0));

        assertThat(locator.locate(102.010, 25.010)).isEmpty();
        var holeGcj = Gcj02.fromWgs84(102.010, 25.010);
        assertThat(locator.locate(holeGcj.lon(), holeGcj.lat(), Crs.GCJ02)).isEmpty();
        assertThat(locator.locate(102.5, 25.5)).isEmpty();
    }

    @Test
    void regeneratingReplacesTheGridsOfTheParentInOneGo() {
        divisions.importGeoJson(bytes(collection(feature("990302", "重生区", "DISTRICT", null,
                polygon(square(104, 25, 0.02))))), Crs.WGS84);
        int coarse = grids.generate("990302", 1000);

        int fine = grids.generate("990302", 500);

        var page = grids.list("990302", null, new Paging(0, 500));
        assertThat(fine).isGreaterThan(coarse);
        assertThat(page.total()).isEqualTo(fine);
        assertThat(page.items()).extracting(UnitGrids.UnitGrid::code).isSortedAccordingTo(Comparator.naturalOrder());
        // slivers under half a cell join a neighbour, which stays under 1.6 cells
        assertThat(page.items()).allSatisfy(g -> assertThat(g.areaM2()).isLessThan(500 * 500 * 1.6));
        assertThat(locator.locate(104.0001, 25.0001)).get().extracting(GridLocation::gridCode)
                .isEqualTo(page.items().stream().filter(g -> g.geometry().getEnvelopeInternal()
                        .contains(104.0001, 25.0001)).map(UnitGrids.UnitGrid::code).findFirst().orElseThrow());
    }

    @Test
    void listsGridsInAWindow() {
        divisions.importGeoJson(bytes(collection(feature("990303", "窗口区", "DISTRICT", null,
                polygon(square(105, 25, 0.02))))), Crs.WGS84);
        grids.generate("990303", 500);

        var window = new UnitGrids.BBox(105.0, 25.0, 105.004, 25.004);
        var inWindow = grids.all(null, window);

        assertThat(inWindow).isNotEmpty().allSatisfy(g -> assertThat(g.geometry().getEnvelopeInternal()
                .intersects(new Envelope(105.0, 105.004, 25.0, 25.004))).isTrue());
        assertThat(inWindow.size()).isLessThan(grids.all("990303", null).size());
    }

    @Test
    void aUnitGridBelongsToTheSupervisionGridOfItsStreet() {
        divisions.importGeoJson(bytes(collection(
                feature("990304", "监督区", "DISTRICT", null, polygon(square(109, 25, 0.02))),
                feature("990304001", "东街道", "STREET", null, polygon(square(109, 25, 0.01))),
                feature("990304002", "西街道", "STREET", null, polygon(square(109.01, 25, 0.01))))), Crs.WGS84);
        grids.generate("990304", 500);

        var defined = supervision.define(new SupervisionGrids.Definition("T990304-1", "一号", "990304",
                Set.of("990304001"), null, null), false);

        assertThat(locator.locate(109.005, 25.005)).get().extracting(GridLocation::supervisionGridCode)
                .isEqualTo("T990304-1");
        assertThat(locator.locate(109.015, 25.005)).get().extracting(GridLocation::supervisionGridCode).isNull();
        assertThat(supervision.grid("T990304-1").divisionCodes()).containsExactly("990304001");
        assertThatThrownBy(() -> supervision.define(new SupervisionGrids.Definition("T990304-2", "二号", "990304",
                Set.of("990304001", "990304002"), null, null), false))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> supervision.define(new SupervisionGrids.Definition("T990304-1", "一号", "990304",
                Set.of("990304002"), null, defined.version() + 1), false))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> supervision.define(new SupervisionGrids.Definition("T990304-3", "三号", "990304",
                Set.of("990304002"), "nobody-" + System.nanoTime(), null), false))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(supervision.list()).extracting(g -> g.code()).doesNotContain("T990304-2", "T990304-3");

        supervision.define(new SupervisionGrids.Definition("T990304-1", "一号", "990304", Set.of("990304002"), null,
                defined.version()), false);
        assertThat(locator.locate(109.005, 25.005)).get().extracting(GridLocation::supervisionGridCode).isNull();
        assertThat(locator.locate(109.015, 25.005)).get().extracting(GridLocation::supervisionGridCode)
                .isEqualTo("T990304-1");
    }

    private static Coordinate sharedVertex(List<UnitGrids.UnitGrid> all) {
        var factory = all.get(0).geometry().getFactory();
        for (var g : all) {
            for (var c : g.geometry().getCoordinates()) {
                long covering = all.stream().filter(o -> o.geometry().covers(factory.createPoint(c))).count();
                if (covering > 2) {
                    return c;
                }
            }
        }
        throw new AssertionError("no vertex shared by three grids");
    }
}
