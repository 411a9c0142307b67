package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.platform.DomainException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Cuts divisions into square unit grids. The lattice is laid in a {@link LocalProjection} centred on the parent
 * division and anchored at its north-west corner, so that cells line up across communities; each cell is clipped to
 * every area it touches (a grid never crosses a community boundary). A piece smaller than half a full cell is a
 * sliver and is merged into the neighbouring piece of the same area with which it shares the longest edge, preferring
 * neighbours that stay under 1.6 cells (kept alone when it shares an edge with none), so that grids stay near the
 * 10,000 m² of GB/T 30428.1 where boundaries cut the lattice. Pieces are numbered row by row from north to south, west to east within a row.
 */
final class GridGenerator {

    static final double SLIVER_SHARE = 0.50;
    static final double MAX_MERGED_SHARE = 1.6;

    /** An area to fill with grids: a community, a street or a district, by its own code. */
    record Area(String code, DivisionLevel level, Geometry wgs84) {
    }

    /** A generated grid in WGS84 with its true area. */
    record Generated(String code, String districtCode, String streetCode, String communityCode, Geometry wgs84,
                     double areaM2) {
    }

    private static final class Piece {
        final int row;
        final int col;
        Geometry metres;
        boolean alive = true;

        Piece(int row, int col, Geometry metres) {
            this.row = row;
            this.col = col;
            this.metres = metres;
        }
    }

    private final LocalProjection projection;
    private final double cell;
    private final double originX;
    private final double originY;

    GridGenerator(Geometry parentWgs84, double cellSizeMeters) {
        this.projection = LocalProjection.around(parentWgs84);
        this.cell = cellSizeMeters;
        var env = projection.forward(parentWgs84).getEnvelopeInternal();
        this.originX = env.getMinX();
        this.originY = env.getMaxY();
    }

    List<Generated> generate(List<Area> areas) {
        var result = new ArrayList<Generated>();
        for (var area : areas) {
            var pieces = pieces(projection.forward(area.wgs84()));
            mergeSlivers(pieces);
            var alive = pieces.stream().filter(p -> p.alive)
                    .sorted(Comparator.<Piece>comparingInt(p -> p.row).thenComparingInt(p -> p.col)).toList();
            int limit = area.level() == DivisionLevel.DISTRICT ? 999_999 : 999;
            if (alive.size() > limit) {
                throw new DomainException.Invalid("cellSizeMeters", "geo.grids.too-many", area.code(), alive.size(),
                        limit);
            }
            for (int i = 0; i < alive.size(); i++) {
                var wgs = projection.inverse(alive.get(i).metres);
                result.add(new Generated(code(area, i + 1), area.code().substring(0, 6), streetOf(area),
                        area.level() == DivisionLevel.COMMUNITY ? area.code() : null, wgs,
                        LocalProjection.areaM2(wgs)));
            }
        }
        return result;
    }

    /** GB/T 30428.1: county(6) + street(3) + community(3) + sequence(3); a missing level is written 000. */
    static String code(Area area, int sequence) {
        return switch (area.level()) {
            case COMMUNITY -> area.code() + "%03d".formatted(sequence);
            case STREET -> area.code() + "000" + "%03d".formatted(sequence);
            case DISTRICT -> area.code() + "000" + "%06d".formatted(sequence);
        };
    }

    private static String streetOf(Area area) {
        return area.level() == DivisionLevel.DISTRICT ? null : area.code().substring(0, 9);
    }

    private List<Piece> pieces(Geometry area) {
        var prepared = PreparedGeometryFactory.prepare(area);
        var env = area.getEnvelopeInternal();
        int c0 = (int) Math.floor((env.getMinX() - originX) / cell);
        int c1 = (int) Math.ceil((env.getMaxX() - originX) / cell) - 1;
        int r0 = (int) Math.floor((originY - env.getMaxY()) / cell);
        int r1 = (int) Math.ceil((originY - env.getMinY()) / cell) - 1;
        var pieces = new ArrayList<Piece>();
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                var box = GeoJsonGeometry.FACTORY.toGeometry(new Envelope(originX + c * cell, originX + (c + 1) * cell,
                        originY - (r + 1) * cell, originY - r * cell));
                if (!prepared.intersects(box)) {
                    continue;
                }
                var piece = prepared.containsProperly(box) ? box : polygonal(area.intersection(box));
                if (piece != null) {
                    pieces.add(new Piece(r, c, piece));
                }
            }
        }
        return pieces;
    }

    private void mergeSlivers(List<Piece> pieces) {
        double threshold = SLIVER_SHARE * cell * cell;
        Map<Long, Piece> byCell = new HashMap<>();
        pieces.forEach(p -> byCell.put(key(p.row, p.col), p));
        var slivers = pieces.stream().filter(p -> p.metres.getArea() < threshold)
                .sorted(Comparator.comparingDouble(p -> p.metres.getArea())).toList();
        for (var sliver : slivers) {
            if (!sliver.alive || sliver.metres.getArea() >= threshold) {
                continue;
            }
            var best = neighbourToMergeInto(sliver, byCell);
            if (best != null) {
                var merged = polygonal(best.metres.union(sliver.metres));
                if (merged != null) {
                    best.metres = merged;
                    sliver.alive = false;
                }
            }
        }
    }

    /**
     * The live piece of the four cells around a sliver that shares the longest edge with it, preferring one that stays
     * within {@link #MAX_MERGED_SHARE} of a cell after taking the sliver in (null when none shares an edge).
     */
    private Piece neighbourToMergeInto(Piece sliver, Map<Long, Piece> byCell) {
        Piece best = null;
        double bestScore = 0;
        for (int[] d : new int[][] {{-1, 0}, {0, -1}, {0, 1}, {1, 0}}) {
            var other = byCell.get(key(sliver.row + d[0], sliver.col + d[1]));
            if (other == null || !other.alive) {
                continue;
            }
            double shared = sliver.metres.intersection(other.metres).getLength();
            boolean fits = other.metres.getArea() + sliver.metres.getArea() <= MAX_MERGED_SHARE * cell * cell;
            double score = shared > 0 && fits ? shared + 4 * cell : shared;
            if (score > bestScore) {
                best = other;
                bestScore = score;
            }
        }
        return best;
    }

    private static long key(int row, int col) {
        return ((long) row << 32) ^ (col & 0xffffffffL);
    }

    /** The polygonal part of an overlay result, or null when it has no area. */
    static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        var nonEmpty = polygons.stream().filter(p -> p.getArea() > 0).toList();
        return nonEmpty.isEmpty() ? null : GeoJsonGeometry.FACTORY.buildGeometry(nonEmpty);
    }
}
