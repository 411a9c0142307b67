package org.citygrid.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.geo.internal.BenchGeography;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Point → unit grid lookups through the application's own GridIndex (flat bucket raster, rectangle fast path, indexed
 * point-in-area locators for the other grids), built from the database exactly as at start-up. Every query point lies
 * in some grid; the points are cycled so the benchmark does not ask the same point twice in a row.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GridLookupBenchmark {

    static final int POINTS = 1 << 14;

    /** The demo geography of Dongcheng: real boundary, synthetic communities, ~4,000 100 m grids. */
    @State(Scope.Benchmark)
    public static class Dongcheng {
        Locator locator;
        double[][] points;
        int next;

        @Setup(Level.Trial)
        public void build() {
            var built = BenchGeography.dongcheng("bench_dongcheng");
            System.out.println("\nDongcheng index: " + built.grids() + " grids");
            locator = built.locator();
            points = BenchGeography.pointsInside(built, POINTS, 42);
        }
    }

    /** A synthetic city of 316 × 316 = 99,856 squares of 100 m. */
    @State(Scope.Benchmark)
    public static class Lattice {
        Locator locator;
        double[][] points;
        int next;

        @Setup(Level.Trial)
        public void build() {
            var built = BenchGeography.lattice("bench_lattice", 316, 100);
            System.out.println("\nLattice index: " + built.grids() + " grids");
            locator = built.locator();
            points = BenchGeography.pointsInside(built, POINTS, 42);
        }
    }

    @Benchmark
    public Optional<GridLocation> dongcheng(Dongcheng s) {
        var p = s.points[s.next++ & (POINTS - 1)];
        return s.locator.locate(p[0], p[1]);
    }

    @Benchmark
    public Optional<GridLocation> lattice100k(Lattice s) {
        var p = s.points[s.next++ & (POINTS - 1)];
        return s.locator.locate(p[0], p[1]);
    }
}
