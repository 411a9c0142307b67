package org.citygrid.dashboard.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.citygrid.cases.CaseRequest;
import org.citygrid.cases.CaseStatistics;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Light;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Department;
import org.citygrid.org.OrgDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The dashboard's JSON: the cases module's figures with labels in the reader's language and names of codes. */
@Component
class DashboardViews {

    record Count(String code, String label, long count) {
    }

    record Lights(long red, long yellow, long green) {
    }

    record Intake(LocalDate day, long total, List<Count> channels) {
    }

    record Summary(OffsetDateTime asOf, long open, long overdue, Lights lights, List<Count> stages,
                   List<Count> pendingRequests, List<Count> departments, Intake intake) {
    }

    record CellView(double lon, double lat, long count, long red, long yellow, Light light) {
    }

    record PointView(long id, String caseNo, CaseStatus status, String statusLabel, String classCode,
                     String className, double lon, double lat, Light light) {
    }

    /** {@code mode} "cells" (with cells) or "points" (with points, at most {@code limit}). */
    record MapView(String mode, int zoom, Double cellDegrees, long total, List<CellView> cells,
                   List<PointView> points, boolean truncated) {
    }

    record OverdueView(long id, String caseNo, CaseStatus status, String statusLabel, String classCode,
                       String className, String gridCode, String departmentCode, String departmentName,
                       String stage, String stageLabel, OffsetDateTime deadline, long overdueMinutes) {
    }

    record OverdueListView(OffsetDateTime asOf, long total, List<OverdueView> items) {
    }

    record GridView(String gridCode, long count) {
    }

    record ClassView(ClassKind kind, String classCode, String className, long count) {
    }

    record Ranked<T>(OffsetDateTime from, OffsetDateTime to, int days, List<T> items) {
    }

    private final MessageSource messages;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final CaseStatistics statistics;

    DashboardViews(MessageSource messages, Catalog catalog, OrgDirectory org, CaseStatistics statistics) {
        this.messages = messages;
        this.catalog = catalog;
        this.org = org;
        this.statistics = statistics;
    }

    Summary summary(CaseStatistics.OpenCounts open, CaseStatistics.Intake intake, Instant now) {
        var stages = new ArrayList<Count>();
        for (var s : CaseStatus.open()) {
            stages.add(new Count(s.name(), text(s.messageKey()), open.byStatus().getOrDefault(s, 0L)));
        }
        var requests = new ArrayList<Count>();
        for (var k : CaseRequest.Kind.values()) {
            requests.add(new Count(k.name(), text("dashboard.request." + k.name()),
                    open.pendingRequests().getOrDefault(k, 0L)));
        }
        var departments = open.byDepartment().entrySet().stream()
                .map(e -> new Count(e.getKey(), departmentName(e.getKey()), e.getValue())).toList();
        var channels = new ArrayList<Count>();
        for (var c : Channel.values()) {
            long n = intake.byChannel().getOrDefault(c, 0L);
            if (n > 0 || c != Channel.IMPORT) {
                channels.add(new Count(c.name(), text("dashboard.channel." + c.name()), n));
            }
        }
        var lights = new Lights(open.byLight().get(Light.RED), open.byLight().get(Light.YELLOW),
                open.byLight().get(Light.GREEN));
        return new Summary(at(now), open.open(), lights.red(), lights, stages, requests, departments,
                new Intake(intake.day(), intake.total(), channels));
    }

    CellView cell(CaseStatistics.MapCell c) {
        return new CellView(c.lon(), c.lat(), c.count(), c.red(), c.yellow(), c.worst());
    }

    PointView point(CaseStatistics.MapPoint p) {
        return new PointView(p.id(), p.caseNo(), p.status(), text(p.status().messageKey()), p.classCode(),
                className(p.kind(), p.classCode()), p.lon(), p.lat(), p.light());
    }

    OverdueListView overdue(CaseStatistics.OverdueList list, Instant now) {
        return new OverdueListView(at(now), list.total(), list.items().stream().map(o -> new OverdueView(o.id(),
                o.caseNo(), o.status(), text(o.status().messageKey()), o.classCode(),
                className(o.kind(), o.classCode()), o.gridCode(), o.departmentCode(),
                o.departmentCode() == null ? null : departmentName(o.departmentCode()), o.stage().name(),
                text(o.stage().messageKey()), at(o.deadline()),
                Duration.between(o.deadline(), now).toMinutes())).toList());
    }

    ClassView topClass(CaseStatistics.ClassCount c) {
        return new ClassView(c.kind(), c.classCode(), className(c.kind(), c.classCode()), c.count());
    }

    private String className(ClassKind kind, String code) {
        var english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return catalog.find(kind, code).map(c -> english && c.nameEn() != null && !c.nameEn().isBlank()
                ? c.nameEn() : c.name()).orElse(code);
    }

    private String departmentName(String code) {
        return org.department(code).map(Department::name).orElse(code);
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    /** An instant as the jurisdiction's local time with its offset. */
    OffsetDateTime at(Instant t) {
        return t.atZone(statistics.zone()).toOffsetDateTime();
    }
}
