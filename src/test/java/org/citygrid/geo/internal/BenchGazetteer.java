package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.LonLat;

/**
 * Builds the application's own {@link Gazetteer} without Spring for the JMH benchmarks (org.citygrid.bench): the real
 * names of Dongcheng's 17 streets and 169 communities (NBS 2023) with made-up points, plus {@code addresses} made-up
 * address points (胡同 house numbers in every community). Not a test: no assertions here.
 */
public final class BenchGazetteer {

    private BenchGazetteer() {
    }

    /** The search function of a gazetteer of Dongcheng and {@code addresses} address points. */
    public static Function<String, List<GeocodeCandidate>> dongcheng(int addresses) {
        var rows = ReferenceDivisions.of(DemoGeography.DISTRICT);
        var divisions = new ArrayList<Gazetteer.DivisionEntry>();
        var communities = new ArrayList<Gazetteer.DivisionEntry>();
        for (var row : rows) {
            var entry = new Gazetteer.DivisionEntry(row.code(), row.name(), row.level(), row.parentCode(),
                    point(row.code().hashCode()), null);
            divisions.add(entry);
            if (row.level() == DivisionLevel.COMMUNITY) {
                communities.add(entry);
            }
        }
        var points = new ArrayList<Gazetteer.AddressEntry>(addresses);
        for (int i = 0; i < addresses; i++) {
            var c = communities.get(i % communities.size());
            var name = AddressText.shortName(c.name(), DivisionLevel.COMMUNITY) + "胡同" + (i / communities.size() + 1)
                    + "号";
            var p = point(i);
            points.add(new Gazetteer.AddressEntry(name, "北京市东城区" + AddressText.displayName(c.name()) + name,
                    p.lon(), p.lat(), new GridLocation(c.code() + "001", c.code(), c.parentCode(),
                    DemoGeography.DISTRICT, null, null)));
        }
        var gazetteer = Gazetteer.of(divisions, points);
        System.out.println("\nGazetteer: " + gazetteer.divisionCount() + " divisions, " + gazetteer.addressCount()
                + " address points");
        return q -> gazetteer.search(q, 10);
    }

    private static LonLat point(int seed) {
        int h = Integer.hashCode(seed * 31 + 7) & 0xffff;
        return new LonLat(116.38 + (h % 256) / 256.0 * 0.06, 39.86 + (h / 256) / 256.0 * 0.1);
    }
}
