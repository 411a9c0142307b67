package org.citygrid.cases.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Assignment;
import org.citygrid.cases.Case;
import org.citygrid.cases.ReporterPrivacy;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseRequest;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.DuplicateCandidate;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.citygrid.cases.StageClockCalculator;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Person;
import org.springframework.context.MessageSource;

/** The JSON shapes of the case API (shared/design/API.md, "Cases"); times are ISO-8601 with the zone's offset. */
final class CaseViews {

    private CaseViews() {
    }

    record StageView(Stage stage, String stageLabel, OffsetDateTime startedAt, OffsetDateTime deadline,
                     OffsetDateTime pausedAt, OffsetDateTime endedAt, int limitAmount, TimeUnit limitUnit,
                     String limitLabel, Light light, boolean overdue, List<String> explanation) {
    }

    /** {@code actor} is the username ({@code system} for the platform itself); {@code actorLabel} is for reading. */
    record TimelineView(OffsetDateTime at, String action, String actionLabel, String actor, String actorLabel,
                        CaseStatus fromStatus, CaseStatus toStatus, String note, String reason,
                        List<Long> attachmentIds) {
    }

    record AssignmentView(int assignmentNo, String departmentCode, OffsetDateTime dispatchedAt, String dispatchedBy,
                          OffsetDateTime receivedAt, OffsetDateTime endedAt, Assignment.Outcome outcome) {
    }

    record RequestView(CaseRequest.Kind kind, String requestedBy, OffsetDateTime requestedAt, String reason,
                       Integer amount, TimeUnit unit, CaseRequest.Decision decision, String decidedBy,
                       OffsetDateTime decidedAt) {
    }

    record CaseView(long id, String caseNo, int version, CaseStatus status, String statusLabel,
                    CaseStatus.Category category, Channel channel, ClassKind kind, String classCode, boolean urgent,
                    boolean selfHandled, String gridCode, String communityCode, String streetCode,
                    String districtCode, double lon, double lat, String address, String description,
                    String reporterName, String reportedBy, OffsetDateTime reportedAt, String departmentCode,
                    String verifier, String checker, Long parentId, OffsetDateTime closedAt, Light light,
                    boolean overdue, OffsetDateTime handleDeadline, List<StageView> stages,
                    List<AssignmentView> assignments, List<RequestView> requests, List<String> allowedActions,
                    List<TimelineView> timeline, List<CandidateView> duplicateCandidates, String componentId) {
    }

    record CandidateView(long id, String caseNo, CaseStatus status, String statusLabel, int distanceMeters,
                         OffsetDateTime reportedAt) {
    }

    record CaseSummary(long id, String caseNo, int version, CaseStatus status, String statusLabel, Channel channel,
                       ClassKind kind, String classCode, String gridCode, String streetCode, String departmentCode,
                       OffsetDateTime reportedAt, OffsetDateTime handleDeadline, Light light, boolean overdue,
                       double lon, double lat) {
    }

    /** Renders cases for one request: one time, one locale, one viewer. */
    record Renderer(Instant now, ZoneId zone, StageClockCalculator calc, MessageSource messages, Locale locale,
                    Actor viewer, DeadlineExplainer explainer) {

        CaseView view(Case c, List<DuplicateCandidate> candidates) {
            return new CaseView(c.id().value(), c.caseNo(), c.version(), c.status(), label(c.status().messageKey()),
                    c.status().category(), c.channel(), c.kind(), c.classCode(), c.urgent(), c.selfHandled(),
                    c.gridCode(), c.communityCode(), c.streetCode(), c.districtCode(), c.lon(), c.lat(), c.address(),
                    c.description(), ReporterPrivacy.reporterName(c, viewer), c.reportedBy(), time(c.reportedAt()),
                    c.departmentCode(),
                    c.verifier(), c.checker(), c.parent().map(p -> p.value()).orElse(null), time(c.closedAt()),
                    c.light(now, calc), overdue(c), c.handleDeadline().map(this::time).orElse(null),
                    c.stages().stream().map(s -> stage(s, c.timeline())).toList(),
                    c.assignments().stream().map(this::assignment).toList(),
                    c.requests().stream().map(this::request).toList(),
                    c.allowedActions(viewer, now).stream().map(CaseAction::wireName).toList(),
                    c.timeline().stream().map(this::entry).toList(),
                    candidates.stream().map(this::candidate).toList(), c.componentId());
        }

        private CandidateView candidate(DuplicateCandidate d) {
            return new CandidateView(d.id().value(), d.caseNo(), d.status(), label(d.status().messageKey()),
                    d.distanceMeters(), time(d.reportedAt()));
        }

        CaseSummary summary(Case c) {
            return new CaseSummary(c.id().value(), c.caseNo(), c.version(), c.status(),
                    label(c.status().messageKey()), c.channel(), c.kind(), c.classCode(), c.gridCode(),
                    c.streetCode(), c.departmentCode(), time(c.reportedAt()),
                    c.handleDeadline().map(this::time).orElse(null), c.light(now, calc), overdue(c), c.lon(), c.lat());
        }

        private boolean overdue(Case c) {
            return c.stages().stream().anyMatch(s -> s.isRunning() && s.isOverdue(now));
        }

        /** A clock with its limit in words and how its deadline was computed (DeadlineExplainer). */
        private StageView stage(StageClock s, List<TimelineEntry> timeline) {
            return new StageView(s.stage(), label(s.stage().messageKey()), time(s.startedAt()), time(s.deadline()),
                    time(s.pausedAt()), time(s.endedAt()), s.limitAmount(), s.limitUnit(),
                    s.limitAmount() + " " + explainer.unit(s.limitUnit(), locale), s.light(now, calc),
                    s.isOverdue(now), explainer.explain(s, timeline, locale));
        }

        private TimelineView entry(TimelineEntry e) {
            return new TimelineView(time(e.occurredAt()), e.action().wireName(), label(e.action().messageKey()),
                    e.actor(), actorLabel(e.actor()), e.fromStatus(), e.toStatus(), e.note(), e.reason(),
                    e.attachments());
        }

        /** The platform's own actions (SLA urges) read as 系统 / System, not as a username. */
        private String actorLabel(String username) {
            return Person.SYSTEM_USERNAME.equals(username) ? label("cases.sla.actor.system") : username;
        }

        private AssignmentView assignment(Assignment a) {
            return new AssignmentView(a.assignmentNo(), a.departmentCode(), time(a.dispatchedAt()), a.dispatchedBy(),
                    time(a.receivedAt()), time(a.endedAt()), a.outcome());
        }

        private RequestView request(CaseRequest r) {
            return new RequestView(r.kind(), r.requestedBy(), time(r.requestedAt()), r.reason(), r.amount(), r.unit(),
                    r.decision(), r.decidedBy(), time(r.decidedAt()));
        }

        private String label(String key) {
            return messages.getMessage(key, null, key, locale);
        }

        private OffsetDateTime time(Instant t) {
            return t == null ? null : t.atZone(zone).toOffsetDateTime();
        }
    }
}
