package org.citygrid.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of the hot paths (docs/PERFORMANCE-BENCH.md has the command and the figures): 1 fork,
 * 3 × 2 s warm-up, 5 × 2 s measurement, 1 thread. Arguments, if any, are regular expressions of the benchmarks to run
 * (default: all of org.citygrid, including cases.TransitionLoopBenchmark). For other JMH options use
 * org.openjdk.jmh.Main directly. Not a test: Surefire never runs it.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        var options = new OptionsBuilder()
                .include(args.length == 0 ? "org\\.citygrid\\..*" : String.join("|", args))
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .threads(1)
                .jvmArgsAppend("-Xmx1g")
                .build();
        new Runner(options).run();
    }
}
