package org.citygrid.dashboard.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command-centre page (指挥大屏): {@code /dashboard} in the application's layout, and the dark 1920×1080 big-screen
 * layout at {@code /dashboard/big} (or {@code /dashboard?screen=big}). The pages carry settings and strings only;
 * static/js/dashboard.js reads the figures from the dashboard API and re-reads them when the stream says so.
 */
@Controller
class DashboardPages {

    private final String tileUrl;
    private final String tileAttribution;

    DashboardPages(@Value("${citygrid.map.tile-url:}") String tileUrl,
                   @Value("${citygrid.map.tile-attribution:}") String tileAttribution) {
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/dashboard")
    @PreAuthorize(DashboardApi.VIEWERS)
    String dashboard(@RequestParam(required = false) String screen, Model model) {
        return "big".equals(screen) ? big(model) : page(model, false);
    }

    @GetMapping("/dashboard/big")
    @PreAuthorize(DashboardApi.VIEWERS)
    String big(Model model) {
        return page(model, true);
    }

    private String page(Model model, boolean big) {
        model.addAttribute("big", big);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return big ? "dashboard/big" : "dashboard/index";
    }
}
