package org.citygrid.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.internal.BenchGazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Geocoding queries per second through the application's own Gazetteer: Dongcheng's real street and community names
 * and {@code addresses} made-up address points; the queries cycle through community names with and without prefixes
 * and suffixes, street + community, house numbers with full-width digits, and text that matches nothing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class GeocodeBenchmark {

    private static final String[] QUERIES = {
        "多福巷社区", "北京市东城区东华门街道多福巷社区", "东华门多福巷", "和平里街道青年湖居委会", "青年湖社区",
        "景山街道", "多福巷胡同12号", "北京市东城区多福巷胡同１２号院", "隆福寺胡同3号", "上海市浦东新区陆家嘴",
        "东城区", "王府井", "交道口街道菊儿社区", "东四街道", "南锣鼓巷"
    };

    @Param({"0", "20000"})
    public int addresses;

    private Function<String, List<GeocodeCandidate>> geocoder;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        geocoder = BenchGazetteer.dongcheng(addresses);
    }

    @Benchmark
    public List<GeocodeCandidate> geocode() {
        return geocoder.apply(QUERIES[next++ % QUERIES.length]);
    }
}
