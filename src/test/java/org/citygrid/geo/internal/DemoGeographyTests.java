package org.citygrid.geo.internal;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo geography of Dongcheng: real codes and boundary, synthetic streets and communities, ~100 m grids. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoGeographyTests {

    @Autowired
    Divisions divisions;
    @Autowired
    UnitGrids grids;
    @Autowired
    Locator locator;
    @Autowired
    DemoGeography demo;
    @Autowired
    SupervisionGrids supervision;

    @Test
    void loadsTheRealCodesAndNamesOfDongchengAndItsRealBoundary() {
        var district = divisions.division("110101");
        assertThat(district.name()).isEqualTo("东城区");
        assertThat(district.synthetic()).isFalse();
        assertThat(district.areaM2()).isBetween(40e6, 43e6);
        assertThat(divisions.list("110101", DivisionLevel.STREET)).hasSize(17)
                .extracting(Division::name).contains("东华门街道", "永定门外街道");
        assertThat(divisions.list(null, DivisionLevel.COMMUNITY).stream()
                .filter(d -> d.code().startsWith("110101"))).hasSize(169);
    }

    @Test
    void partitionsTheDistrictIntoSyntheticStreetsAndCommunitiesThatTileIt() {
        var district = divisions.division("110101");
        var streets = divisions.list("110101", DivisionLevel.STREET);
        assertThat(streets).allSatisfy(s -> assertThat(s.synthetic() && s.hasBoundary()).isTrue());
        double streetSum = streets.stream().mapToDouble(Division::areaM2).sum();
        assertThat(streetSum).isCloseTo(district.areaM2(), within(district.areaM2() * 0.005));
        for (var street : streets) {
            var communities = divisions.list(street.code(), DivisionLevel.COMMUNITY);
            assertThat(communities).allSatisfy(c -> assertThat(c.synthetic() && c.hasBoundary()).isTrue());
            double sum = communities.stream().mapToDouble(Division::areaM2).sum();
            assertThat(sum).as(street.code()).isCloseTo(street.areaM2(), within(street.areaM2() * 0.005));
        }
    }

    @Test
    void generatesAboutFourThousandGridsThatCoverTheDistrict() {
        var all = grids.all("110101", null);
        double sum = all.stream().mapToDouble(UnitGrids.UnitGrid::areaM2).sum();
        double area = divisions.division("110101").areaM2();

        assertThat(all.size()).isBetween(3_800, 4_600);
        long offSize = all.stream().filter(g -> g.areaM2() < 2_500 || g.areaM2() > 16_000).count();
        assertThat(offSize).as("grids far from 10,000 m²").isLessThan(all.size() / 100);
        assertThat(sum).isCloseTo(area, within(area * 0.005));
        assertThat(all).allSatisfy(g -> assertThat(g.code()).startsWith(g.communityCode()).hasSize(15));
    }

    @Test
    void locatesThePalaceMuseumInDongcheng() {
        var location = locator.locate(116.397026, 39.918058, Crs.GCJ02);
        assertThat(location).get().extracting(GridLocation::districtCode).isEqualTo("110101");
        assertThat(location.get().gridCode()).startsWith(location.get().communityCode());
        assertThat(locator.locate(116.30, 39.95)).isEmpty();
    }

    @Test
    void assignsEveryStreetToOneOfFiveSupervisionGridsOfTheDemoSupervisors() {
        var all = supervision.list().stream().filter(g -> g.districtCode().equals("110101")).toList();

        assertThat(all).hasSize(5).extracting(SupervisionGrid::supervisor)
                .containsExactly("supervisor1", "supervisor2", "supervisor3", "supervisor4", "supervisor5");
        assertThat(all.stream().mapToInt(g -> g.divisionCodes().size()).sum()).isEqualTo(17);
        assertThat(all).allSatisfy(g -> assertThat(g.synthetic()).isTrue());
        assertThat(locator.locate(116.397026, 39.918058, Crs.GCJ02)).get()
                .extracting(GridLocation::supervisionGridCode).isNotNull();
    }

    @Test
    void runningTheDemoAgainChangesNothing() throws Exception {
        var before = grids.all("110101", null).stream().map(UnitGrids.UnitGrid::code).toList();
        var version = divisions.division("110101001").version();

        demo.run(new DefaultApplicationArguments());

        assertThat(grids.all("110101", null).stream().map(UnitGrids.UnitGrid::code).toList()).isEqualTo(before);
        assertThat(divisions.division("110101001").version()).isEqualTo(version);
    }
}
