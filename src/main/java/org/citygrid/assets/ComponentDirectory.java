package org.citygrid.assets;

import java.util.List;
import java.util.Optional;

/** Finds components for other modules (routing by owner, "what is near this report?"). */
public interface ComponentDirectory {

    Optional<ComponentSummary> find(String id);

    /** Components within {@code radiusMeters} of a WGS84 point, nearest first, at most {@code limit}. */
    List<ComponentSummary> nearest(double lon, double lat, double radiusMeters, int limit);
}
