package org.citygrid.assets.internal;

import java.util.List;
import java.util.Optional;

import org.citygrid.assets.ComponentDirectory;
import org.citygrid.assets.ComponentSummary;
import org.springframework.stereotype.Component;

/** Placeholder until the inventory lands (issue 3): knows no component. Replaced by the real inventory. */
@Component
class NoComponents implements ComponentDirectory {

    @Override
    public Optional<ComponentSummary> find(String id) {
        return Optional.empty();
    }

    @Override
    public List<ComponentSummary> nearest(double lon, double lat, double radiusMeters, int limit) {
        return List.of();
    }
}
