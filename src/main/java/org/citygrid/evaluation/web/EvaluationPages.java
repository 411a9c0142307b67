package org.citygrid.evaluation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.citygrid.evaluation.internal.AppealStore;
import org.citygrid.evaluation.internal.Evaluator;
import org.citygrid.evaluation.internal.Report;
import org.citygrid.evaluation.internal.Settings;
import org.citygrid.evaluation.internal.SettingsStore;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages: the ranking tables with grade colours and the trend against the previous period (printable
 * as the monthly report), the drill-down list behind a count, the settings, and the timeout appeals.
 */
@Controller
@RequestMapping("/evaluation")
class EvaluationPages {

    private final Evaluator evaluator;
    private final SettingsStore settings;
    private final AppealStore appeals;
    private final org.springframework.context.MessageSource messages;

    EvaluationPages(Evaluator evaluator, SettingsStore settings, AppealStore appeals,
                    org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.evaluator = evaluator;
        this.settings = settings;
        this.appeals = appeals;
    }

    /** Instants on these pages are shown in the platform's zone (the calendar's), not the server's. */
    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone() {
        return evaluator.zone();
    }

    @GetMapping
    @PreAuthorize(EvaluationApi.READERS)
    String report(@RequestParam(required = false) String subject, @RequestParam(required = false) String variant,
                  @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Model model) {
        var s = subject(subject);
        var v = s == Report.Subject.POSITIONS ? Evaluator.role(variant).name()
                : s == Report.Subject.REGIONS ? Evaluator.level(variant) : null;
        var today = LocalDate.now(evaluator.zone());
        var choice = PeriodChoice.of(period, day == null ? today : day, from, to);
        var report = evaluator.evaluate(s, v, choice.from(), choice.to(), null);
        var prev = choice.previous();
        var before = evaluator.evaluate(s, v, prev.from(), prev.to(), null);
        var trend = new HashMap<String, BigDecimal>();
        for (var row : report.rows()) {
            var old = before.row(row.key());
            if (old != null && old.score() != null && row.score() != null) {
                trend.put(row.key(), row.score().subtract(old.score()));
            }
        }
        var partial = report.asOf().isBefore(choice.to().atStartOfDay(evaluator.zone()).toInstant());
        model.addAttribute("report", report);
        model.addAttribute("subject", s);
        model.addAttribute("variant", v);
        model.addAttribute("choice", choice);
        model.addAttribute("day", day == null ? today : day);
        model.addAttribute("trend", trend);
        model.addAttribute("partial", partial);
        model.addAttribute("counts", report.figures().stream().filter(EvaluationPages::isCount).toList());
        // a finished period's counts link with the report's as-of instant, so that the drill-down lists the items behind
        // the number clicked (and counts the facts this page read); the current period's drill-down is as of its click
        var drillAsOf = java.util.Optional.ofNullable(partial ? null : report.asOf());
        model.addAttribute("drillHref", (java.util.function.BiFunction<String, String, String>) (key, figure) ->
                org.springframework.web.util.UriComponentsBuilder.fromPath("/evaluation/drill")
                        .queryParam("subject", Drill.of(report, key)).queryParam("figure", figure)
                        .queryParam("from", report.from()).queryParam("to", report.to())
                        .queryParamIfPresent("asOf", drillAsOf).encode().build().toUriString());
        model.addAttribute("minimumSample", settings.current().minimumSample());
        model.addAttribute("subjects", Report.Subject.values());
        model.addAttribute("positions", Evaluator.POSITIONS);
        model.addAttribute("levels", Evaluator.LEVELS);
        model.addAttribute("kinds", PeriodChoice.KINDS);
        return "evaluation/report";
    }

    static boolean isCount(String figure) {
        return !figure.endsWith("Rate") && !figure.endsWith("Score") && !figure.equals("unitGrids")
                && !figure.equals("filedPerGrid");
    }

    private static Report.Subject subject(String text) {
        if (text == null || text.isBlank()) {
            return Report.Subject.DEPARTMENTS;
        }
        try {
            return Report.Subject.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new DomainException.BadRequest("subject", "evaluation.drill.subject-invalid", text);
        }
    }

    @GetMapping("/drill")
    @PreAuthorize(EvaluationApi.READERS)
    String drill(@RequestParam String subject, @RequestParam String figure,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String asOf, Model model) {
        var drill = Drill.parse(subject);
        // a finished period's table links here with its as-of instant: the items are the ones behind the count clicked
        var report = evaluator.evaluate(drill.subject(), drill.variant(), from, to, ReportViews.instant(asOf));
        var items = drill.items(report, figure);
        var row = report.row(drill.key());
        model.addAttribute("report", report);
        model.addAttribute("subjectText", subject);
        model.addAttribute("name", row == null ? drill.key() : row.name());
        model.addAttribute("figure", figure);
        model.addAttribute("items", items);
        model.addAttribute("count", items.stream().filter(i -> !i.excluded()).count());
        model.addAttribute("drillSubject", drill.subject());
        model.addAttribute("drillVariant", drill.variant());
        return "evaluation/drill";
    }

    /** A refused request on a page: the page's message in the reader's language, with the problem's status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
    String refused(DomainException e, java.util.Locale locale, Model model,
                   jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(switch (e) {
            case DomainException.NotFound n -> 404;
            case DomainException.Conflict c -> 409;
            case DomainException.Invalid i -> 422;
            case DomainException.Forbidden f -> 403;
            case DomainException.BadRequest b -> 400;
        });
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return "evaluation/refused";
    }

    // ------------------------------------------------------------------------------------------- settings

    @GetMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        model.addAttribute("values", settings.current().values());
        model.addAttribute("defaults", Settings.DEFAULTS);
        return "evaluation/settings";
    }

    @PostMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
                        RedirectAttributes redirect) {
        var changes = new HashMap<String, String>();
        form.forEach((k, v) -> {
            if (Settings.DEFAULTS.containsKey(k)) {
                changes.put(k, v);
            }
        });
        settings.update(changes, user.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/evaluation/settings";
    }

    // ------------------------------------------------------------------------------------------- appeals

    @GetMapping("/appeals")
    @PreAuthorize("hasAnyRole('DEPT_HANDLER','LEADER','ADMIN')")
    String appeals(@AuthenticationPrincipal CurrentUser user, Model model) {
        boolean all = user.hasRole("LEADER") || user.hasRole("ADMIN");
        model.addAttribute("appeals", appeals.list(all ? null : user.departmentCode(), 200));
        model.addAttribute("canAppeal", user.hasRole("DEPT_HANDLER") && user.departmentCode() != null);
        model.addAttribute("canDecide", user.hasRole("LEADER"));
        return "evaluation/appeals";
    }

    @PostMapping("/appeals")
    @PreAuthorize("hasRole('DEPT_HANDLER')")
    String appeal(@AuthenticationPrincipal CurrentUser user, @RequestParam long caseId,
                  @RequestParam int assignmentNo, @RequestParam String reason, RedirectAttributes redirect) {
        appeals.request(caseId, assignmentNo, reason, user.username(), user.departmentCode());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/evaluation/appeals";
    }

    @PostMapping("/appeals/{id}/{decision}")
    @PreAuthorize("hasRole('LEADER')")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String decision,
                  @RequestParam int version, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        var d = switch (decision) {
            case "approve" -> AppealStore.Decision.APPROVED;
            case "deny" -> AppealStore.Decision.DENIED;
            default -> throw new DomainException.NotFound("evaluation.appeal.not-found", id);
        };
        appeals.decide(id, d, note, version, user.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/evaluation/appeals";
    }
}
