package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.DivisionsChanged;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SYNTHETIC boundaries for the demo: no real street or community polygons are public, so a district with a real
 * boundary is cut into its real streets, and each street into its real communities, by a Voronoi diagram of seeded
 * random points (fixed seed, so every run gives the same map) smoothed by three Lloyd iterations and clipped to the
 * parent. The codes and names are real; the shapes are not. Every division shaped here is marked synthetic.
 */
@Component
class SyntheticPartition {

    private static final int LLOYD_ITERATIONS = 3;

    private final DivisionRepository divisions;
    private final ApplicationEventPublisher events;

    SyntheticPartition(DivisionRepository divisions, ApplicationEventPublisher events) {
        this.divisions = divisions;
        this.events = events;
    }

    /** Shapes the streets and communities of a district unless any of them has a boundary; the count shaped. */
    @Transactional
    public int partitionIfUnshaped(String districtCode) {
        var district = divisions.findByCode(districtCode).orElseThrow();
        var streets = divisions.findByParentCodeAndLevelOrderByCode(districtCode, DivisionLevel.STREET);
        if (!district.hasBoundary() || streets.isEmpty() || streets.stream().anyMatch(Division::hasBoundary)) {
            return 0;
        }
        var projection = LocalProjection.around(district.geometry());
        var random = new Random(Long.parseLong(districtCode));
        int shaped = 0;
        var streetShapes = split(projection.forward(district.geometry()), streets.size(), random);
        for (int i = 0; i < streets.size(); i++) {
            var street = streets.get(i);
            street.reshape(projection.inverse(streetShapes.get(i)), true);
            divisions.save(street);
            shaped++;
            var communities = divisions.findByParentCodeAndLevelOrderByCode(street.code(), DivisionLevel.COMMUNITY);
            if (communities.isEmpty()) {
                continue;
            }
            var communityShapes = split(streetShapes.get(i), communities.size(), random);
            for (int j = 0; j < communities.size(); j++) {
                communities.get(j).reshape(projection.inverse(communityShapes.get(j)), true);
                divisions.save(communities.get(j));
                shaped++;
            }
        }
        events.publishEvent(new DivisionsChanged(shaped));
        return shaped;
    }

    /** {@code n} polygons tiling {@code area} (metres), ordered north→south, west→east by their seed. */
    static List<Geometry> split(Geometry area, int n, Random random) {
        var sites = new ArrayList<Coordinate>();
        var env = area.getEnvelopeInternal();
        while (sites.size() < n) {
            var c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (area.contains(GeoJsonGeometry.FACTORY.createPoint(c))) {
                sites.add(c);
            }
        }
        var cells = cells(area, sites);
        for (int k = 0; k < LLOYD_ITERATIONS; k++) {
            sites = new ArrayList<>(cells.stream().map(c -> {
                var centroid = c.getCentroid();
                return area.contains(centroid) ? centroid.getCoordinate() : c.getInteriorPoint().getCoordinate();
            }).toList());
            cells = cells(area, sites);
        }
        return cells;
    }

    private static List<Geometry> cells(Geometry area, List<Coordinate> sites) {
        var order = new ArrayList<>(sites);
        order.sort(Comparator.<Coordinate>comparingDouble(c -> -c.y).thenComparingDouble(c -> c.x));
        var builder = new VoronoiDiagramBuilder();
        builder.setSites(order);
        var clip = area.getEnvelopeInternal().copy();
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        var diagram = builder.getDiagram(GeoJsonGeometry.FACTORY);
        var result = new ArrayList<Geometry>();
        for (var site : order) {
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                var cell = diagram.getGeometryN(i);
                if (site.equals2D((Coordinate) cell.getUserData())) {
                    result.add(GridGenerator.polygonal(cell.intersection(area)));
                    break;
                }
            }
        }
        return result;
    }
}
