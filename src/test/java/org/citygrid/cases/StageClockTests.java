package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrid.cases.CaseFixtures.*;

import java.time.Instant;

import org.citygrid.calendar.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which clock runs in which state, their deadlines by hand, and the traffic light thresholds. */
class StageClockTests {

    private static StageClock clock(Stage stage, Case c) {
        return c.stages().stream().filter(s -> s.stage() == stage).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aReportStartsAcceptWithTenWorkingMinutes() {
        var c = supervisorReport(monday(11, 55));
        var accept = clock(Stage.ACCEPT, c);
        // 11:55–12:00 is 5 minutes; the other 5 run from 14:00
        assertThat(accept.deadline()).isEqualTo(monday(14, 5));
        assertThat(accept.limitUnit()).isEqualTo(TimeUnit.WORK_MINUTES);
    }

    @Test
    void eachStateRunsItsOwnClockAndEndsThePreviousOne() {
        var c = supervisorReport(monday(8, 30));
        c.accept(OPERATOR, monday(8, 35), null, CLOCKS);
        assertThat(clock(Stage.ACCEPT, c).endedAt()).isEqualTo(monday(8, 35));
        assertThat(clock(Stage.FILE, c).deadline()).isEqualTo(monday(9, 5));
        c.file(SHIFT_LEAD, monday(8, 45), null, null, CLOCKS);
        assertThat(clock(Stage.DISPATCH, c).deadline()).isEqualTo(monday(9, 15));
        assertThat(c.stages()).filteredOn(StageClock::isOpen).extracting(StageClock::stage)
                .containsExactly(Stage.DISPATCH);
    }

    @Test
    void dispatchStartsReceiveAndHandleTogetherAndReceiveEndsOnReceipt() {
        var c = dispatchedToWater();
        assertThat(c.stages()).filteredOn(StageClock::isOpen).extracting(StageClock::stage)
                .containsExactlyInAnyOrder(Stage.RECEIVE, Stage.HANDLE);
        assertThat(clock(Stage.HANDLE, c).deadline()).isEqualTo(monday(11, 0));
        assertThat(clock(Stage.RECEIVE, c).deadline()).isEqualTo(monday(10, 0));
        c.receive(WATER, monday(9, 10), null, CLOCKS);
        assertThat(clock(Stage.RECEIVE, c).endedAt()).isEqualTo(monday(9, 10));
        assertThat(clock(Stage.HANDLE, c).isRunning()).isTrue();
    }

    @Test
    void checkStartsWhenTheCheckTaskIsSentNotAtFeedback() {
        var c = inProgressAtWater();
        c.feedback(WATER, monday(10, 0), "已处理", "无照片", null, CLOCKS);
        assertThat(clock(Stage.HANDLE, c).endedAt()).isEqualTo(monday(10, 0));
        assertThat(c.stages()).noneMatch(s -> s.stage() == Stage.CHECK);
        c.sendCheck(OPERATOR, monday(10, 10), "supervisor1", null, CLOCKS);
        assertThat(clock(Stage.CHECK, c).deadline()).isEqualTo(monday(11, 10));
        c.sendCheck(OPERATOR, monday(10, 20), "supervisor2", null, CLOCKS);
        assertThat(c.stages()).filteredOn(s -> s.stage() == Stage.CHECK).hasSize(1);
        assertThat(c.checker()).isEqualTo("supervisor2");
    }

    @Test
    void handleOverAWeekendCountsOnlyWorkingTime() {
        var c = Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, "n", local(11, 27, 16, 0), CLOCKS);
        c.accept(OPERATOR, local(11, 27, 16, 1), null, CLOCKS);
        c.file(SHIFT_LEAD, local(11, 27, 16, 2), null, null, CLOCKS);
        c.dispatch(DISPATCHER, local(11, 27, 17, 0), "water", null, CLOCKS);
        // Friday 17:00–18:00 is one hour; the second runs Monday 08:00–09:00
        assertThat(c.handleDeadline()).contains(local(11, 30, 9, 0));
    }

    @Test
    void anUrgentClassRunsEveryStageInNaturalUnits() {
        var c = Case.report(report(Channel.SUPERVISOR, true, false), SUPERVISOR, "n", local(11, 27, 17, 0), CLOCKS);
        assertThat(clock(Stage.ACCEPT, c).deadline()).isEqualTo(local(11, 27, 17, 10));
        c.accept(OPERATOR, local(11, 27, 17, 5), null, CLOCKS);
        c.file(SHIFT_LEAD, local(11, 27, 17, 10), null, null, CLOCKS);
        c.dispatch(DISPATCHER, local(11, 27, 17, 30), "water", null, CLOCKS);
        assertThat(clock(Stage.HANDLE, c).limitUnit()).isEqualTo(TimeUnit.NATURAL_HOURS);
        assertThat(c.handleDeadline()).contains(local(11, 27, 19, 30));
    }

    @Test
    void filingMayMarkACaseUrgent() {
        var c = supervisorReport(monday(17, 0));
        c.accept(OPERATOR, monday(17, 1), null, CLOCKS);
        c.file(SHIFT_LEAD, monday(17, 2), true, null, CLOCKS);
        assertThat(c.urgent()).isTrue();
        assertThat(clock(Stage.DISPATCH, c).deadline()).isEqualTo(monday(17, 32));
    }

    @Test
    void parkedTimeOverANightIsAddedBackInWorkingTime() {
        var c = inProgressAtWater();
        c.requestPark(WATER, monday(9, 30), "等待", null, CLOCKS);
        c.approvePark(DISPATCHER, monday(10, 30), null, CLOCKS);
        c.resume(DISPATCHER, local(11, 24, 9, 0), null, CLOCKS);
        // parked Mon 10:30–12:00 (1.5 h), 14:00–18:00 (4 h), Tue 08:00–09:00 (1 h) = 6.5 working hours;
        // 30 minutes were left at 10:30, so the deadline is Tue 09:30
        assertThat(c.handleDeadline()).contains(local(11, 24, 9, 30));
    }

    @Test
    void theLightIsGreenBelowEightyPercentYellowUpToTheLimitAndRedBeyond() {
        var c = dispatchedToWater();
        var handle = clock(Stage.HANDLE, c); // 09:00 → 11:00, two working hours
        assertThat(handle.light(monday(10, 35), CLOCKS.calculator())).isEqualTo(Light.GREEN);
        assertThat(handle.light(monday(10, 36), CLOCKS.calculator())).isEqualTo(Light.YELLOW);
        assertThat(handle.light(monday(11, 0), CLOCKS.calculator())).isEqualTo(Light.YELLOW);
        assertThat(handle.light(monday(11, 1), CLOCKS.calculator())).isEqualTo(Light.RED);
        assertThat(handle.isOverdue(monday(11, 1))).isTrue();
        assertThat(handle.isOverdue(monday(11, 0))).isFalse();
    }

    @Test
    void theLightStandsStillOutsideWorkingHoursAndTurnsRedPastTheDeadline() {
        var c = Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, "n", monday(11, 55), CLOCKS);
        var accept = clock(Stage.ACCEPT, c); // 5 minutes before lunch, 5 after: deadline 14:05
        Instant lunch = monday(13, 30);
        assertThat(accept.light(lunch, CLOCKS.calculator())).isEqualTo(Light.GREEN);
        assertThat(accept.light(monday(14, 4), CLOCKS.calculator())).isEqualTo(Light.YELLOW);
        assertThat(accept.light(monday(14, 6), CLOCKS.calculator())).isEqualTo(Light.RED);
    }

    @Test
    void aWorkingTimeClockWhoseDeadlineFellAtLunchIsRedDuringLunch() {
        var c = Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, "n", monday(11, 50), CLOCKS);
        var accept = clock(Stage.ACCEPT, c); // deadline 12:00 exactly
        assertThat(accept.deadline()).isEqualTo(monday(12, 0));
        assertThat(accept.light(monday(12, 30), CLOCKS.calculator())).isEqualTo(Light.RED);
    }

    @Test
    void lightThresholdsAreEightyAndOneHundredPercent() {
        assertThat(Light.of(0.0)).isEqualTo(Light.GREEN);
        assertThat(Light.of(0.7999)).isEqualTo(Light.GREEN);
        assertThat(Light.of(0.8)).isEqualTo(Light.YELLOW);
        assertThat(Light.of(1.0)).isEqualTo(Light.YELLOW);
        assertThat(Light.of(1.0001)).isEqualTo(Light.RED);
    }

    @Test
    void theCaseShowsTheWorstLightOfItsOpenClocks() {
        var c = dispatchedToWater(); // RECEIVE until 10:00, HANDLE until 11:00
        assertThat(c.light(monday(9, 10), CLOCKS.calculator())).isEqualTo(Light.GREEN);
        assertThat(c.light(monday(10, 1), CLOCKS.calculator())).isEqualTo(Light.RED);
    }
}
