package org.citygrid.cases.internal.imports;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseActions;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Clocks;
import org.citygrid.cases.Limit;
import org.citygrid.cases.NewReport;
import org.citygrid.cases.TransitionTable;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Replays one historical case through the aggregate: {@link Case#report} at {@code reportedAt}, then every event
 * through {@link CaseActions#perform} at its own time — the same state machine, clocks and timeline as a live case.
 * Pure: what it needs from other modules comes through {@link Context}; it stores nothing.
 */
final class CaseReplay {

    /** A case that may be named as a merge parent: when it was reported and when it left the open states. */
    record Parent(CaseId id, Instant reportedAt, Instant closedSince) {

        boolean openAt(Instant at) {
            return !reportedAt.isAfter(at) && (closedSince == null || closedSince.isAfter(at));
        }
    }

    /** What the replay reads from the catalog, the map, the org directory and earlier imports. */
    interface Context {
        Optional<CatalogClass> catalogClass(ClassKind kind, String code);

        Optional<GridLocation> locate(double lon, double lat);

        Optional<Person> person(String username);

        boolean departmentExists(String code);

        Optional<Parent> parent(String externalId);

        Instant now();

        Clocks clocks();
    }

    static final int MAX_EXTERNAL_ID = 100;
    static final int MAX_TEXT = 4000;

    private final Context context;

    CaseReplay(Context context) {
        this.context = context;
    }

    /** The case as it stands after its history, or a {@link LineFailure} naming the first problem. */
    Case replay(HistoricalCase h, String caseNo) {
        checkHeader(h);
        var c = report(h, caseNo);
        var previous = h.reportedAt();
        var events = h.eventsOrEmpty();
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            if (e == null) {
                throw new LineFailure("cases.import.event.missing-field", i, "at");
            }
            checkTime(i, e, previous);
            apply(c, i, e);
            previous = e.at();
        }
        return c;
    }

    private void checkHeader(HistoricalCase h) {
        required(h.externalId(), "externalId");
        required(h.channel(), "channel");
        required(h.kind(), "kind");
        required(h.classCode(), "classCode");
        required(h.lon(), "lon");
        required(h.lat(), "lat");
        required(h.description(), "description");
        required(h.reportedAt(), "reportedAt");
        required(h.reporter(), "reporter");
        if (h.externalId().length() > MAX_EXTERNAL_ID) {
            throw new LineFailure("cases.import.too-long", "externalId", MAX_EXTERNAL_ID);
        }
        if (h.description().length() > MAX_TEXT) {
            throw new LineFailure("cases.import.too-long", "description", MAX_TEXT);
        }
        if (h.reportedAt().isAfter(context.now())) {
            throw new LineFailure("cases.import.future", h.reportedAt());
        }
    }

    private static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new LineFailure("cases.import.missing-field", field);
        }
    }

    private Case report(HistoricalCase h, String caseNo) {
        var cls = context.catalogClass(h.kind(), h.classCode().strip()).orElseThrow(() ->
                new LineFailure("cases.import.class-unknown", h.kind(), h.classCode()));
        var location = context.locate(h.lon(), h.lat()).orElseThrow(() ->
                new LineFailure("cases.import.outside", h.lon(), h.lat()));
        boolean supervisor = h.channel() == Channel.SUPERVISOR;
        var by = supervisor ? actor(h.reporter(), EnumSet.of(Role.SUPERVISOR), null)
                : Actor.system(Role.OPERATOR);
        var limit = cls.handleLimit();
        var report = new NewReport(h.channel(), cls.kind(), cls.code(), new Limit(limit.amount(), limit.unit()),
                cls.urgent(), Boolean.TRUE.equals(h.selfHandled()), h.lon(), h.lat(), location, h.address(),
                h.description(), supervisor ? null : h.reporter(), null, h.externalId());
        try {
            return Case.report(report, by, caseNo, h.reportedAt(), context.clocks());
        } catch (DomainException refused) {
            throw new LineFailure("cases.import.report-refused", resolvable(refused));
        }
    }

    private void checkTime(int index, HistoricalCase.Event e, Instant previous) {
        if (e.at() == null) {
            throw new LineFailure("cases.import.event.missing-field", index, "at");
        }
        if (e.at().isBefore(previous)) {
            throw new LineFailure("cases.import.event.backwards", index, e.at(), previous);
        }
        if (e.at().isAfter(context.now())) {
            throw new LineFailure("cases.import.event.future", index, e.at());
        }
    }

    private void apply(Case c, int index, HistoricalCase.Event e) {
        if (e.action() == null || e.action().isBlank()) {
            throw new LineFailure("cases.import.event.missing-field", index, "action");
        }
        var action = CaseAction.fromWireName(e.action()).filter(a -> a != CaseAction.REPORT).orElseThrow(() ->
                new LineFailure("cases.import.event.action-unknown", index, e.action()));
        if (e.actor() == null || e.actor().isBlank()) {
            throw new LineFailure("cases.import.event.missing-field", index, "actor");
        }
        try {
            var in = input(c, index, action, e);
            var by = actor(e.actor(), TransitionTable.of(action).roles(), c.departmentCode());
            CaseActions.perform(c, action, in, by, e.at(), context.clocks());
        } catch (DomainException refused) {
            throw new LineFailure("cases.import.event.refused", index, action, resolvable(refused));
        }
    }

    private ActionInput input(Case c, int index, CaseAction action, HistoricalCase.Event e) {
        Long parentId = null;
        if (action == CaseAction.MERGE) {
            parentId = parent(index, e).value();
        }
        if (action == CaseAction.DISPATCH && e.departmentCode() != null
                && !context.departmentExists(e.departmentCode())) {
            throw new LineFailure("cases.import.event.department-unknown", index, e.departmentCode());
        }
        return new ActionInput(e.note(), e.departmentCode(), e.supervisor(), e.amount(), e.unit(), e.reason(),
                parentId, e.passed(), e.urgent(), null);
    }

    private CaseId parent(int index, HistoricalCase.Event e) {
        if (e.parentExternalId() == null || e.parentExternalId().isBlank()) {
            throw new LineFailure("cases.import.event.missing-field", index, "parentExternalId");
        }
        var parent = context.parent(e.parentExternalId()).orElseThrow(() ->
                new LineFailure("cases.import.event.parent-unknown", index, e.parentExternalId()));
        if (!parent.openAt(e.at())) {
            throw new LineFailure("cases.import.event.parent-not-open", index, e.parentExternalId());
        }
        return parent.id();
    }

    /**
     * A historical actor: a person the org directory knows acts with their roles and department as stored now; a
     * person it does not know (left, or never had an account) acts in the roles the action needs, for the case's
     * department — the importing administrator vouches for the history.
     */
    private Actor actor(String username, Set<Role> needed, String caseDepartment) {
        var known = context.person(username);
        if (known.isPresent()) {
            var p = known.get();
            return new Actor(username, p.roles(), p.departmentCode());
        }
        return new Actor(username, needed, caseDepartment);
    }

    private static DefaultMessageSourceResolvable resolvable(DomainException e) {
        return new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.arguments(), e.messageKey());
    }
}
