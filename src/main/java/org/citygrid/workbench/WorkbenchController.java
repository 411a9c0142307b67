package org.citygrid.workbench;

import java.util.Arrays;

import org.citygrid.cases.QueueFilter;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Sends each person to their workbench, and shows a workbench to those whose role owns it. */
@Controller
class WorkbenchController {

    private final WorkbenchQueue queue;
    private final String tileUrl;
    private final String tileAttribution;

    WorkbenchController(WorkbenchQueue queue, @Value("${citygrid.map.tile-url:}") String tileUrl,
                        @Value("${citygrid.map.tile-attribution:}") String tileAttribution) {
        this.queue = queue;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return Workbench.primaryFor(user.roles())
                .map(w -> "redirect:" + w.path())
                .orElse("workbench/no-role");
    }

    @GetMapping("/workbench/{slug}")
    String workbench(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "false") boolean overdue,
                     @RequestParam(required = false) String classCode,
                     @RequestParam(required = false) String regionCode,
                     @AuthenticationPrincipal CurrentUser user, Model model) {
        var workbench = Workbench.bySlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.hasRole(workbench.role().name())) {
            throw new AccessDeniedException("workbench " + slug + " needs role " + workbench.role());
        }
        model.addAttribute("workbench", workbench);
        model.addAttribute("prefix", workbench.messagePrefix());
        if (WorkbenchQueue.hasQueue(workbench)) {
            var filter = new QueueFilter(overdue, classCode, regionCode);
            model.addAttribute("queue", queue.page(workbench, user, page, filter));
            model.addAttribute("filter", filter);
            // the operator sees the incoming reports on a map next to the queue
            model.addAttribute("withMap", workbench == Workbench.OPERATOR);
            model.addAttribute("tileUrl", tileUrl);
            model.addAttribute("tileAttribution", tileAttribution);
            model.addAttribute("filterQuery", query(filter));
            model.addAttribute("filterIgnored",
                    QueueFilter.isMalformedClass(classCode) || QueueFilter.isMalformedRegion(regionCode));
        }
        model.addAttribute("others", Arrays.stream(Workbench.values())
                .filter(w -> w != workbench && user.hasRole(w.role().name())).toList());
        return "workbench/workbench";
    }

    /** The filter as query parameters for the paging links (codes are digits only, so nothing needs escaping). */
    private static String query(QueueFilter f) {
        var q = new StringBuilder();
        if (f.overdueOnly()) {
            q.append("&overdue=true");
        }
        if (f.classCode() != null) {
            q.append("&classCode=").append(f.classCode());
        }
        if (f.regionCode() != null) {
            q.append("&regionCode=").append(f.regionCode());
        }
        return q.toString();
    }
}
