package org.citygrid.geo.internal;

import java.util.List;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The invariants of generated unit grids: codes, coverage, no overlap, numbering, slivers. */
class GridGeneratorTests {

    private static final LocalProjection AROUND = LocalProjection.around(101, 30);

    /** A polygon given in metres around (101°E, 30°N), returned in WGS84. */
    private static Geometry metres(double... xy) {
        var coordinates = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            coordinates[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        coordinates[coordinates.length - 1] = coordinates[0].copy();
        return AROUND.inverse(GeoJsonGeometry.FACTORY.createPolygon(coordinates));
    }

    private static Geometry rectangle(double minX, double minY, double maxX, double maxY) {
        return metres(minX, minY, maxX, minY, maxX, maxY, minX, maxY);
    }

    private final Geometry parent = rectangle(-500, -400, 500, 400);
    private final List<GridGenerator.Area> communities = List.of(
            new GridGenerator.Area("990101001001", DivisionLevel.COMMUNITY, rectangle(-500, -400, -163, 400)),
            new GridGenerator.Area("990101001002", DivisionLevel.COMMUNITY,
                    metres(-163, -400, 500, -400, 500, 130, -163, 317)),
            new GridGenerator.Area("990101002001", DivisionLevel.COMMUNITY,
                    metres(-163, 317, 500, 130, 500, 400, -163, 400)));

    @Test
    void everyCodeIsTheCommunityCodeFollowedByAThreeDigitSequence() {
        var grids = new GridGenerator(parent, 100).generate(communities);

        assertThat(grids).allSatisfy(g -> {
            assertThat(g.code()).hasSize(15).startsWith("990101").startsWith(g.communityCode());
            assertThat(g.streetCode()).isEqualTo(g.communityCode().substring(0, 9));
            assertThat(g.districtCode()).isEqualTo("990101");
        });
        assertThat(grids.stream().filter(g -> g.communityCode().equals("990101002001")).map(g -> g.code()))
                .first().isEqualTo("990101002001001");
        assertThat(grids).extracting(GridGenerator.Generated::code).doesNotHaveDuplicates();
    }

    @Test
    void gridAreasAddUpToTheParentsArea() {
        var grids = new GridGenerator(parent, 100).generate(communities);

        double sum = grids.stream().mapToDouble(GridGenerator.Generated::areaM2).sum();
        assertThat(sum).isCloseTo(LocalProjection.areaM2(parent), within(LocalProjection.areaM2(parent) * 0.005));
        assertThat(LocalProjection.areaM2(parent)).isCloseTo(800_000, within(1.0));
    }

    @Test
    void noTwoGridsOverlapAndNoneCrossesItsCommunity() {
        var grids = new GridGenerator(parent, 100).generate(communities);

        double overlap = 0;
        for (int i = 0; i < grids.size(); i++) {
            for (int j = i + 1; j < grids.size(); j++) {
                overlap += LocalProjection.areaM2(grids.get(i).wgs84().intersection(grids.get(j).wgs84()));
            }
        }
        assertThat(overlap).isLessThan(0.01);
        for (var g : grids) {
            var community = communities.stream().filter(c -> c.code().equals(g.communityCode())).findFirst()
                    .orElseThrow();
            assertThat(LocalProjection.areaM2(g.wgs84().difference(community.wgs84()))).isLessThan(0.01);
        }
    }

    @Test
    void numbersRowByRowFromNorthToSouthAndWestToEastWithinARow() {
        var grids = new GridGenerator(rectangle(-300, -200, 300, 200), 100).generate(List.of(
                new GridGenerator.Area("990101", DivisionLevel.DISTRICT, rectangle(-300, -200, 300, 200))));

        assertThat(grids).hasSize(24);
        assertThat(grids.get(0).code()).isEqualTo("990101000000001");
        assertThat(grids.get(23).code()).isEqualTo("990101000000024");
        for (int i = 1; i < grids.size(); i++) {
            Envelope previous = AROUND.forward(grids.get(i - 1).wgs84()).getEnvelopeInternal();
            Envelope current = AROUND.forward(grids.get(i).wgs84()).getEnvelopeInternal();
            boolean sameRowFurtherEast = Math.abs(previous.getMaxY() - current.getMaxY()) < 1e-6
                    && current.getMinX() > previous.getMinX();
            boolean nextRowSouth = current.getMaxY() < previous.getMaxY() - 99 && current.getMinX() < previous.getMinX();
            assertThat(sameRowFurtherEast || nextRowSouth).as("grid %d follows grid %d", i + 1, i).isTrue();
        }
        assertThat(grids).allSatisfy(g -> assertThat(g.areaM2()).isCloseTo(10_000, within(1.0)));
    }

    @Test
    void mergesSliversIntoTheNeighbourWithTheLongestSharedEdge() {
        var strip = rectangle(-502.5, -400, 502.5, 400);
        var grids = new GridGenerator(strip, 100).generate(List.of(
                new GridGenerator.Area("990101", DivisionLevel.DISTRICT, strip)));

        assertThat(grids).hasSize(80);
        assertThat(grids).allSatisfy(g -> assertThat(g.areaM2()).isBetween(9_999.0, 10_501.0));
        assertThat(grids.stream().filter(g -> g.areaM2() > 10_001)).hasSize(8);
        assertThat(grids.stream().mapToDouble(GridGenerator.Generated::areaM2).sum())
                .isCloseTo(1005 * 800, within(1.0));
    }

    @Test
    void aPieceUnderHalfACellIsASliverButOneOverHalfIsAGridOfItsOwn() {
        var underHalf = rectangle(-522.5, -400, 522.5, 400);
        var overHalf = rectangle(-527.5, -400, 527.5, 400);

        var merged = new GridGenerator(underHalf, 100).generate(List.of(
                new GridGenerator.Area("990101", DivisionLevel.DISTRICT, underHalf)));
        var kept = new GridGenerator(overHalf, 100).generate(List.of(
                new GridGenerator.Area("990101", DivisionLevel.DISTRICT, overHalf)));

        assertThat(merged).hasSize(80);
        assertThat(merged.stream().filter(g -> g.areaM2() > 14_000)).hasSize(8);
        assertThat(kept).hasSize(88);
        assertThat(kept.stream().filter(g -> g.areaM2() < 6_000)).hasSize(8);
    }

    @Test
    void refusesMoreGridsInACommunityThanItsThreeDigitsAllow() {
        var big = rectangle(-2000, -2000, 2000, 2000);
        assertThatThrownBy(() -> new GridGenerator(big, 100).generate(List.of(
                new GridGenerator.Area("990101001001", DivisionLevel.COMMUNITY, big))))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("geo.grids.too-many");
    }
}
