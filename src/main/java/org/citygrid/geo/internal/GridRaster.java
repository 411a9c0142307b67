package org.citygrid.geo.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.citygrid.geo.GridLocation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * One immutable snapshot of the point → grid index as flat arrays: a uniform lon/lat raster over the grids' envelopes
 * (cells of about the median grid size) whose buckets list, in code order, every grid whose envelope touches the cell,
 * with that envelope copied next to the grid's number so a bucket is scanned in one sequential read. A grid whose
 * polygon equals its envelope (most generated grids are full squares) is decided by the inclusive envelope test alone,
 * which is exactly {@code covers}; any other grid also asks JTS's indexed point-in-area locator (boundary counts as
 * covered). The first grid that covers the point in code order is the answer, so the smallest code wins on shared edges
 * and vertices. Nothing is allocated per lookup except, for non-rectangular grids, the query coordinate.
 */
final class GridRaster {

    /** One grid to index; {@code geometry} is a polygon or multipolygon in WGS84. */
    record Grid(GridLocation location, Geometry geometry) {
    }

    /** At most this many buckets per grid (plus a constant), so a sparse geography cannot blow up the raster. */
    private static final int BUCKETS_PER_GRID = 8;
    private static final int EXTRA_BUCKETS = 1 << 16;

    static final GridRaster EMPTY = new GridRaster();

    private final int size;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final double scaleX;
    private final double scaleY;
    private final int columns;
    private final int rows;
    /** Bucket {@code b}'s slots are {@code start[b] .. start[b + 1] - 1}. */
    private final int[] start;
    /** Per slot: the grid's number (its rank in code order). */
    private final int[] slotGrid;
    /** Per slot: the grid's envelope as minX, maxX, minY, maxY. */
    private final double[] slotEnvelope;
    /** Per grid: null for a rectangle, else its point-in-area locator. */
    private final IndexedPointInAreaLocator[] locators;
    /** Per grid: the answer, made once. */
    private final Optional<GridLocation>[] answers;

    private GridRaster() {
        this.size = 0;
        this.minX = this.minY = Double.POSITIVE_INFINITY; // no point is ever inside
        this.maxX = this.maxY = Double.NEGATIVE_INFINITY;
        this.scaleX = this.scaleY = 0;
        this.columns = this.rows = 1;
        this.start = new int[2];
        this.slotGrid = new int[0];
        this.slotEnvelope = new double[0];
        this.locators = new IndexedPointInAreaLocator[0];
        this.answers = newAnswers(0);
    }

    /** Builds the raster; {@code grids} must be in code order (smallest code first). */
    static GridRaster of(List<Grid> grids) {
        return grids.isEmpty() ? EMPTY : new GridRaster(grids);
    }

    @SuppressWarnings("unchecked")
    private static Optional<GridLocation>[] newAnswers(int n) {
        return (Optional<GridLocation>[]) new Optional[n];
    }

    private GridRaster(List<Grid> grids) {
        int n = grids.size();
        this.size = n;
        var envelopes = new double[4 * n];
        this.locators = new IndexedPointInAreaLocator[n];
        this.answers = newAnswers(n);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        var widths = new double[n];
        var heights = new double[n];
        for (int i = 0; i < n; i++) {
            var grid = grids.get(i);
            var geometry = grid.geometry();
            var env = geometry.getEnvelopeInternal();
            envelopes[4 * i] = env.getMinX();
            envelopes[4 * i + 1] = env.getMaxX();
            envelopes[4 * i + 2] = env.getMinY();
            envelopes[4 * i + 3] = env.getMaxY();
            widths[i] = env.getWidth();
            heights[i] = env.getHeight();
            x0 = Math.min(x0, env.getMinX());
            y0 = Math.min(y0, env.getMinY());
            x1 = Math.max(x1, env.getMaxX());
            y1 = Math.max(y1, env.getMaxY());
            if (!geometry.isRectangle()) {
                var locator = new IndexedPointInAreaLocator(geometry);
                locator.locate(geometry.getCoordinate()); // builds its index now, not on the first lookup
                locators[i] = locator;
            }
            answers[i] = Optional.of(grid.location());
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
        double spanX = x1 - x0;
        double spanY = y1 - y0;
        double cellX = median(widths);
        double cellY = median(heights);
        if (!(cellX > 0)) {
            cellX = spanX > 0 ? spanX / Math.sqrt(n) : 1;
        }
        if (!(cellY > 0)) {
            cellY = spanY > 0 ? spanY / Math.sqrt(n) : 1;
        }
        double limit = (double) BUCKETS_PER_GRID * n + EXTRA_BUCKETS;
        double wanted = Math.max(1, Math.ceil(spanX / cellX)) * Math.max(1, Math.ceil(spanY / cellY));
        if (wanted > limit) {
            double grow = Math.sqrt(wanted / limit);
            cellX *= grow;
            cellY *= grow;
        }
        // a long thin extent can still exceed the limit when one side is a single cell: coarsen until it fits
        while (Math.max(1, Math.ceil(spanX / cellX)) * Math.max(1, Math.ceil(spanY / cellY)) > limit) {
            cellX *= 2;
            cellY *= 2;
        }
        this.columns = (int) Math.max(1, Math.ceil(spanX / cellX));
        this.rows = (int) Math.max(1, Math.ceil(spanY / cellY));
        this.scaleX = spanX > 0 ? columns / spanX : 0;
        this.scaleY = spanY > 0 ? rows / spanY : 0;

        // counting sort of (bucket, grid) pairs; grids go in rank order, so each bucket ends up in code order
        var count = new int[columns * rows + 1];
        for (int i = 0; i < n; i++) {
            int cx0 = column(envelopes[4 * i]);
            int cx1 = column(envelopes[4 * i + 1]);
            int cy0 = row(envelopes[4 * i + 2]);
            int cy1 = row(envelopes[4 * i + 3]);
            for (int cy = cy0; cy <= cy1; cy++) {
                for (int cx = cx0; cx <= cx1; cx++) {
                    count[cy * columns + cx + 1]++;
                }
            }
        }
        for (int b = 0; b < columns * rows; b++) {
            count[b + 1] += count[b];
        }
        this.start = count;
        int slots = count[columns * rows];
        this.slotGrid = new int[slots];
        this.slotEnvelope = new double[4 * slots];
        var fill = Arrays.copyOf(count, columns * rows);
        for (int i = 0; i < n; i++) {
            int cx0 = column(envelopes[4 * i]);
            int cx1 = column(envelopes[4 * i + 1]);
            int cy0 = row(envelopes[4 * i + 2]);
            int cy1 = row(envelopes[4 * i + 3]);
            for (int cy = cy0; cy <= cy1; cy++) {
                for (int cx = cx0; cx <= cx1; cx++) {
                    int slot = fill[cy * columns + cx]++;
                    slotGrid[slot] = i;
                    System.arraycopy(envelopes, 4 * i, slotEnvelope, 4 * slot, 4);
                }
            }
        }
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The raster column of a longitude inside the extent. Monotone in {@code x} (a subtraction and a multiplication by
     * a positive constant, both correctly rounded, then floor and clamp), so a point inside a grid's envelope always
     * falls in a bucket between those of the envelope's corners, where the grid is listed.
     */
    private int column(double x) {
        int c = (int) ((x - minX) * scaleX);
        return c < 0 ? 0 : Math.min(c, columns - 1);
    }

    private int row(double y) {
        int r = (int) ((y - minY) * scaleY);
        return r < 0 ? 0 : Math.min(r, rows - 1);
    }

    int size() {
        return size;
    }

    Optional<GridLocation> locate(double x, double y) {
        if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
            return Optional.empty(); // outside every grid's envelope, or NaN
        }
        int bucket = row(y) * columns + column(x);
        var env = slotEnvelope;
        Coordinate point = null;
        for (int slot = start[bucket], end = start[bucket + 1]; slot < end; slot++) {
            int e = 4 * slot;
            if (x < env[e] || x > env[e + 1] || y < env[e + 2] || y > env[e + 3]) {
                continue;
            }
            int grid = slotGrid[slot];
            var locator = locators[grid];
            if (locator == null) {
                return answers[grid];
            }
            if (point == null) {
                point = new Coordinate(x, y);
            }
            if (locator.locate(point) != Location.EXTERIOR) {
                return answers[grid];
            }
        }
        return Optional.empty();
    }
}
