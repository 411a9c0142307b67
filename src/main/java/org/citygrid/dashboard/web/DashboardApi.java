package org.citygrid.dashboard.web;

import java.time.Duration;

import org.citygrid.cases.CaseStatistics;
import org.citygrid.dashboard.internal.DashboardCache;
import org.citygrid.dashboard.internal.DashboardFeed;
import org.citygrid.evaluation.MonthlyRanking;
import org.citygrid.platform.DomainException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's data, read fresh on every request (the figures are SQL aggregates, see docs/DASHBOARD.md), and the
 * server-sent-event stream that tells an open page to re-read them.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "Command-centre figures over every case, and their live stream")
class DashboardApi {

    static final String VIEWERS = "hasAnyRole('LEADER','DISPATCHER','SHIFT_LEAD','ADMIN')";
    /** From this zoom on the map shows single cases instead of cells. */
    static final int POINTS_MIN_ZOOM = 16;
    static final int MAX_POINTS = 1000;

    private final CaseStatistics statistics;
    private final DashboardViews views;
    private final DashboardFeed feed;
    private final DashboardCache cache;
    private final MonthlyRanking ranking;

    DashboardApi(CaseStatistics statistics, DashboardViews views, DashboardFeed feed, DashboardCache cache,
                 MonthlyRanking ranking) {
        this.ranking = ranking;
        this.statistics = statistics;
        this.views = views;
        this.feed = feed;
        this.cache = cache;
    }

    private record OverdueData(CaseStatistics.OverdueList list, java.time.Instant at) {
    }

    /** The summary's figures and the instant they were computed at, shared through the cache. */
    private record SummaryData(CaseStatistics.OpenCounts open, CaseStatistics.Intake intake, java.time.Instant at) {
    }

    @GetMapping("/summary")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "Open cases per state, light, department and pending request; today's intake by channel")
    DashboardViews.Summary summary() {
        var data = cache.get("summary", () -> new SummaryData(statistics.openCounts(), statistics.intakeToday(),
                statistics.now()));
        return views.summary(data.open(), data.intake(), data.at());
    }

    @GetMapping("/map")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "Open cases of a window (bbox=minLon,minLat,maxLon,maxLat): counted per cell of about 64 "
            + "screen pixels below zoom 16, single cases (at most 1000, worst light first) from zoom 16 on")
    DashboardViews.MapView map(@RequestParam String bbox, @RequestParam int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw new DomainException.BadRequest("zoom", "dashboard.map.zoom", zoom);
        }
        var box = box(bbox);
        if (zoom >= POINTS_MIN_ZOOM) {
            var points = cache.get("points " + box, () -> statistics.points(box, MAX_POINTS + 1));
            var shown = points.stream().limit(MAX_POINTS).map(views::point).toList();
            return new DashboardViews.MapView("points", zoom, null, shown.size(), null, shown,
                    points.size() > MAX_POINTS);
        }
        double cell = 360.0 / (1 << zoom) / 4;
        var cells = cache.get("cells " + zoom + " " + box, () -> statistics.cells(box, cell)).stream()
                .map(views::cell).toList();
        return new DashboardViews.MapView("cells", zoom, cell,
                cells.stream().mapToLong(DashboardViews.CellView::count).sum(), cells, null, false);
    }

    @GetMapping("/overdue")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "The most overdue open cases (earliest missed deadline first, limit 1–100) and their total")
    DashboardViews.OverdueListView overdue(@RequestParam(defaultValue = "20") int limit) {
        int n = checked("limit", limit, 100);
        var list = cache.get("overdue " + n, () -> new OverdueData(statistics.overdue(n), statistics.now()));
        return views.overdue(list.list(), list.at());
    }

    @GetMapping("/ranking")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "The departments' evaluation ranking of the current month so far (score, grade), computed by "
            + "the evaluation module at most every few minutes (asOf says when)")
    MonthlyRanking.Ranking ranking() {
        return ranking.departmentsThisMonth();
    }

    @GetMapping("/hotspots")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "Unit grids with the most cases filed in the last `days` days (1–90, default 7)")
    DashboardViews.Ranked<DashboardViews.GridView> hotspots(@RequestParam(defaultValue = "7") int days,
                                                            @RequestParam(defaultValue = "10") int limit) {
        var period = Duration.ofDays(checked("days", days, 90));
        int n = checked("limit", limit, 100);
        var items = cache.get("hotspots " + days + " " + n, () -> statistics.hotspots(period, n)).stream()
                .map(g -> new DashboardViews.GridView(g.gridCode(), g.count())).toList();
        return ranked(days, period, items);
    }

    @GetMapping("/classes")
    @PreAuthorize(VIEWERS)
    @Operation(summary = "Classes with the most cases filed in the last `days` days (1–90, default 7)")
    DashboardViews.Ranked<DashboardViews.ClassView> classes(@RequestParam(defaultValue = "7") int days,
                                                            @RequestParam(defaultValue = "10") int limit) {
        var period = Duration.ofDays(checked("days", days, 90));
        int n = checked("limit", limit, 100);
        var items = cache.get("classes " + days + " " + n, () -> statistics.topClasses(period, n)).stream()
                .map(views::topClass).toList();
        return ranked(days, period, items);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(VIEWERS)
    @Operation(summary = "Server-sent events: `hello` at once, then `changed` {seq, reasons} at most once per "
            + "debounce interval while cases move; comments as heartbeat")
    SseEmitter stream() {
        return feed.subscribe();
    }

    private <T> DashboardViews.Ranked<T> ranked(int days, Duration period, java.util.List<T> items) {
        var now = statistics.now();
        return new DashboardViews.Ranked<>(views.at(now.minus(period)), views.at(now), days, items);
    }

    private static int checked(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new DomainException.BadRequest(field, "dashboard.range", field, value, max);
        }
        return value;
    }

    private static CaseStatistics.Box box(String text) {
        var parts = text.split(",");
        try {
            if (parts.length == 4) {
                var b = new CaseStatistics.Box(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                if (b.minLon() <= b.maxLon() && b.minLat() <= b.maxLat() && b.minLon() >= -180 && b.maxLon() <= 180
                        && b.minLat() >= -90 && b.maxLat() <= 90) {
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as any other malformed window
        }
        throw new DomainException.BadRequest("bbox", "dashboard.map.bbox", text);
    }
}
