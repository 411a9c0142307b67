package org.citygrid.geo.web;

import org.citygrid.geo.internal.Division;
import org.citygrid.geo.internal.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map (地图) for everyone signed in: division boundaries, unit grids and the "where is this?" lookup. The page
 * only carries settings in data-* attributes; static/js/map.js draws everything from the geo API. The background
 * tiles come from {@code citygrid.map.tile-url} (empty: no tiles, the polygons draw on a plain background).
 */
@Controller
class MapPage {

    private final Divisions divisions;
    private final String tileUrl;
    private final String tileAttribution;

    MapPage(Divisions divisions, @Value("${citygrid.map.tile-url:}") String tileUrl,
            @Value("${citygrid.map.tile-attribution:}") String tileAttribution) {
        this.divisions = divisions;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/map")
    @PreAuthorize("isAuthenticated()")
    String map(Model model) {
        var all = divisions.list(null, null);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("synthetic", all.stream().anyMatch(Division::synthetic));
        model.addAttribute("hasBoundaries", all.stream().anyMatch(Division::hasBoundary));
        return "geo/map";
    }
}
