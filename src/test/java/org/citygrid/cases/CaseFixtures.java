package org.citygrid.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.calendar.WorkingCalendar;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;
import org.citygrid.org.Role;

/** People, places and times the domain tests share; Monday 2026-11-23 is an ordinary working day. */
final class CaseFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clocks CLOCKS = new Clocks(StageClockCalculator.of(WorkingCalendar.mondayToFriday()),
            StageLimits.defaults());
    static final GridLocation GRID = new GridLocation("110101001001001", "110101001001", "110101001", "110101",
            "SG-01", "supervisor1");

    static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    static final Actor OTHER_SUPERVISOR = Actor.of("supervisor2", null, Role.SUPERVISOR);
    static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);
    static final Actor WATER = Actor.of("h-water", "water", Role.DEPT_HANDLER);
    static final Actor GAS = Actor.of("h-gas", "gas", Role.DEPT_HANDLER);
    static final Actor LEADER = Actor.of("leader", null, Role.LEADER);
    static final Actor ADMIN = Actor.of("admin", null, Role.ADMIN);

    private CaseFixtures() {
    }

    /** Monday 2026-11-23 at the given local time, plus {@code days}. */
    static Instant monday(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 23, hour, minute).atZone(ZONE).toInstant();
    }

    static Instant local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    static NewReport report(Channel channel, boolean urgent, boolean selfHandled) {
        return report(channel, urgent, selfHandled, null);
    }

    static NewReport report(Channel channel, boolean urgent, boolean selfHandled, String externalId) {
        return new NewReport(channel, ClassKind.COMPONENT, "01001", new Limit(2, TimeUnit.WORK_HOURS), urgent,
                selfHandled, 116.4039, 39.9151, GRID, "东长安街", "井盖破损", null, null, externalId);
    }

    static Case supervisorReport(Instant at) {
        return Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, "2026112300001", at, CLOCKS);
    }

    static Case hotlineReport(Instant at) {
        return Case.report(report(Channel.HOTLINE, false, false), OPERATOR, "2026112300002", at, CLOCKS);
    }

    /** A supervisor's report accepted, filed and dispatched to the water company at 09:00 (HANDLE until 11:00). */
    static Case dispatchedToWater() {
        var c = supervisorReport(monday(8, 30));
        c.accept(OPERATOR, monday(8, 35), null, CLOCKS);
        c.file(SHIFT_LEAD, monday(8, 45), null, null, CLOCKS);
        c.dispatch(DISPATCHER, monday(9, 0), "water", null, CLOCKS);
        return c;
    }

    static Case inProgressAtWater() {
        var c = dispatchedToWater();
        c.receive(WATER, monday(9, 10), null, CLOCKS);
        return c;
    }
}
