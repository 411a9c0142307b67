package org.citygrid.cases.internal.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/** A hand-moved clock for the whole context, a recorder of the monitor's events, and demo cases driven in time. */
@TestConfiguration(proxyBeanMethods = false)
public class SlaTestSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(local(2026, 11, 20, 9, 0), ZONE);
    }

    @Bean
    Turned turned() {
        return new Turned();
    }

    /** Every StageClockTurned, as published (synchronously, from whichever thread published it). */
    public static class Turned {
        private final ConcurrentLinkedQueue<StageClockTurned> events = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(StageClockTurned e) {
            events.add(e);
        }

        List<StageClockTurned> of(CaseId id) {
            return events.stream().filter(e -> e.caseId().equals(id)).toList();
        }
    }

    static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    /** A supervisor's report of a broken manhole cover in the demo district, at the clock's time. */
    static Case report(Cases cases) {
        return cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151,
                null, null, "井盖破损", false, null, null, null), SUPERVISOR);
    }

    static Case act(Cases cases, Case c, CaseAction action, ActionInput in, Actor by) {
        return cases.act(c.id().value(), action, c.version(), in, by);
    }

    /** Reported, accepted, filed and dispatched to the water company at the clock's time. */
    static Case dispatchedToWater(Cases cases) {
        var c = report(cases);
        c = act(cases, c, CaseAction.ACCEPT, ActionInput.NONE, OPERATOR);
        c = act(cases, c, CaseAction.FILE, ActionInput.NONE, SHIFT_LEAD);
        return act(cases, c, CaseAction.DISPATCH, new ActionInput(null, "water", null, null, null, null, null, null,
                null, null), DISPATCHER);
    }

}
