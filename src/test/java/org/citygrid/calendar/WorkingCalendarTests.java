package org.citygrid.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.citygrid.calendar.HolidayData.at;

/** Hand-computed deadlines for every unit against the real 2023–2026 holiday data (WORKFLOW.md, "Time units"). */
class WorkingCalendarTests {

    private final WorkingCalendar calendar = HolidayData.BUNDLED;

    private java.time.Instant deadline(String start, long amount, TimeUnit unit) {
        return calendar.deadline(at(start), amount, unit).at();
    }

    @Test
    void workDaysSkipTheNationalDayHolidayAndCountTheSaturdayMakeUpWorkday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(deadline("2026-09-30T17:00", 3, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-10-10T18:00"));
    }

    @Test
    void workDaysNeverCountTheStartDateEvenWhenStartingAtOpening() {
        assertThat(deadline("2026-11-25T08:00", 1, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-11-26T18:00"));
        assertThat(deadline("2026-11-25T23:59", 1, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-11-26T18:00"));
    }

    @Test
    void workDaysFromAFridayEveningEndOnMonday() {
        assertThat(deadline("2026-11-27T19:00", 1, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-11-30T18:00"));
    }

    @Test
    void workDaysAcrossTheSpringFestivalCountTheMakeUpSaturdayAndSkipNineDaysOff() {
        assertThat(deadline("2026-02-13T10:00", 2, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-02-24T18:00"));
    }

    @Test
    void workHoursLeftBeforeTheHolidayContinueOnTheFirstWorkingDayAfterIt() {
        assertThat(deadline("2026-09-30T17:00", 2, TimeUnit.WORK_HOURS)).isEqualTo(at("2026-10-08T09:00"));
    }

    @Test
    void workMinutesRunIntoTheMakeUpSaturday() {
        assertThat(deadline("2026-10-09T17:30", 60, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-10-10T08:30"));
    }

    @Test
    void workMinutesFromAFridayEveningBeginAtMondayOpening() {
        var deadline = calendar.deadline(at("2026-11-27T19:00"), 30, TimeUnit.WORK_MINUTES);
        assertThat(deadline.at()).isEqualTo(at("2026-11-30T08:30"));
        assertThat(deadline.explanation()).extracting(Explanation::key)
                .contains("calendar.explain.counting-begins", "calendar.explain.weekend-skipped");
    }

    @Test
    void workMinutesStartedInTheLunchBreakBeginAtTwo() {
        assertThat(deadline("2026-11-25T12:30", 90, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-11-25T15:30"));
        assertThat(deadline("2026-11-25T12:30", 5, TimeUnit.WORK_HOURS)).isEqualTo(at("2026-11-26T09:00"));
    }

    @Test
    void workMinutesEndingExactlyAtNoonEndAtNoonNotAfterLunch() {
        assertThat(deadline("2026-11-25T11:00", 60, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-11-25T12:00"));
        assertThat(deadline("2026-11-25T11:00", 61, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-11-25T14:01"));
    }

    @Test
    void naturalDaysLandingOnAHolidayMoveToTheNextWorkingDaysMidnight() {
        assertThat(deadline("2026-09-28T10:00", 3, TimeUnit.NATURAL_DAYS)).isEqualTo(at("2026-10-09T00:00"));
    }

    @Test
    void naturalDaysLandingOnAWeekendMoveToMondayMidnightButAMakeUpSaturdayStays() {
        assertThat(deadline("2026-11-25T10:00", 3, TimeUnit.NATURAL_DAYS)).isEqualTo(at("2026-12-01T00:00"));
        assertThat(deadline("2026-10-07T10:00", 3, TimeUnit.NATURAL_DAYS)).isEqualTo(at("2026-10-11T00:00"));
        assertThat(deadline("2026-11-23T10:00", 2, TimeUnit.NATURAL_DAYS)).isEqualTo(at("2026-11-26T00:00"));
    }

    @Test
    void naturalMinutesAndHoursAreContinuousTimeThroughHolidaysAndNights() {
        assertThat(deadline("2026-10-01T23:00", 90, TimeUnit.NATURAL_MINUTES)).isEqualTo(at("2026-10-02T00:30"));
        assertThat(deadline("2026-09-30T17:00", 48, TimeUnit.NATURAL_HOURS)).isEqualTo(at("2026-10-02T17:00"));
    }

    @Test
    void aYearWithoutDataUsesMondayToFriday() {
        assertThat(calendar.hasDataFor(2030)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).isFalse();
        var deadline = calendar.deadline(at("2029-12-31T10:00"), 1, TimeUnit.WORK_DAYS);
        assertThat(deadline.at()).isEqualTo(at("2030-01-01T18:00"));
        assertThat(deadline.explanation()).contains(new Explanation("calendar.explain.no-data", List.of("2030")));
    }

    @Test
    void theSameDateIsADayOffWhenItsYearHasData() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(deadline("2025-12-31T10:00", 1, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-01-04T18:00"));
    }

    @Test
    void zeroReturnsTheStartButWorkingTimeSnapsToWhereCountingBegins() {
        assertThat(deadline("2026-11-25T12:30", 0, TimeUnit.NATURAL_MINUTES)).isEqualTo(at("2026-11-25T12:30"));
        assertThat(deadline("2026-11-28T12:30", 0, TimeUnit.WORK_DAYS)).isEqualTo(at("2026-11-28T12:30"));
        assertThat(deadline("2026-11-28T12:30", 0, TimeUnit.NATURAL_DAYS)).isEqualTo(at("2026-11-28T12:30"));
        assertThat(deadline("2026-11-25T10:00", 0, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-11-25T10:00"));
        assertThat(deadline("2026-11-25T12:00", 0, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-11-25T12:00"));
        assertThat(deadline("2026-11-25T12:30", 0, TimeUnit.WORK_HOURS)).isEqualTo(at("2026-11-25T14:00"));
        assertThat(deadline("2026-09-30T19:00", 0, TimeUnit.WORK_MINUTES)).isEqualTo(at("2026-10-08T08:00"));
    }

    @Test
    void rejectsNegativeAndAbsurdAmounts() {
        for (var unit : TimeUnit.values()) {
            assertThatThrownBy(() -> calendar.deadline(at("2026-11-25T10:00"), -1, unit))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.deadline(at("2026-11-25T10:00"), WorkingCalendar.maxAmount(unit) + 1,
                    unit)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> calendar.addWorkingTime(at("2026-11-25T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsTheSkippedHolidayAndTheCountedMakeUpWorkday() {
        var deadline = calendar.deadline(at("2026-09-30T17:00"), 3, TimeUnit.WORK_DAYS);
        assertThat(deadline.explanation()).extracting(Explanation::key, e -> e.args().stream().map(String::valueOf).toList())
                .containsSubsequence(
                        tuple("calendar.explain.start-date-not-counted", List.of("2026-09-30")),
                        tuple("calendar.explain.holiday-skipped", List.of("2026-10-01", "2026-10-07", "国庆节")),
                        tuple("calendar.explain.make-up-counted", List.of("2026-10-10", "国庆节")),
                        tuple("calendar.explain.work-days-end", List.of("3", "2026-10-10", "18:00")));
    }

    @Test
    void explainsCountingBeginsAfterTheHolidayForAStartInsideIt() {
        var deadline = calendar.deadline(at("2026-10-03T10:00"), 30, TimeUnit.WORK_MINUTES);
        assertThat(deadline.at()).isEqualTo(at("2026-10-08T08:30"));
        assertThat(deadline.explanation()).extracting(e -> e.key() + e.args())
                .contains("calendar.explain.counting-begins[2026-10-08T08:00]",
                        "calendar.explain.holiday-skipped[2026-10-03, 2026-10-07, 国庆节]");
    }

    @Test
    void aMakeUpDayBeforeCountingBeganIsNotReportedAsCounted() {
        var deadline = calendar.deadline(at("2026-10-10T19:00"), 30, TimeUnit.WORK_MINUTES);
        assertThat(deadline.at()).isEqualTo(at("2026-10-12T08:30"));
        assertThat(deadline.explanation()).extracting(Explanation::key)
                .doesNotContain("calendar.explain.make-up-counted");
    }

    @Test
    void measuresWorkingTimeOnlyInsideWindowsOfWorkingDays() {
        assertThat(calendar.workingTimeBetween(at("2026-11-27T17:00"), at("2026-11-30T09:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-09-30T17:00"), at("2026-10-08T09:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-11-25T11:30"), at("2026-11-25T14:30")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(calendar.workingTimeBetween(at("2026-11-25T14:30"), at("2026-11-25T11:30"))).isZero();
    }

    @Test
    void addsPausedWorkingTimeToADeadline() {
        assertThat(calendar.addWorkingTime(at("2026-09-30T18:00"), Duration.ofMinutes(90)))
                .isEqualTo(at("2026-10-08T09:30"));
        assertThat(calendar.addWorkingTime(at("2026-11-25T12:30"), Duration.ZERO)).isEqualTo(at("2026-11-25T12:30"));
    }

    @Test
    void longLimitsAreComputedExactly() {
        var start = at("2026-09-30T17:00");
        var days = calendar.deadline(start, 3650, TimeUnit.WORK_DAYS);
        var minutes = calendar.deadline(start, 100_000, TimeUnit.WORK_MINUTES);
        assertThat(days.at()).isAfter(at("2040-01-01T00:00"));
        assertThat(calendar.workingTimeBetween(start, minutes.at())).isEqualTo(Duration.ofMinutes(100_000));
    }

    @Test
    void usesTheConfiguredWindowsAndZone() {
        var utc = new WorkingCalendar(ZoneId.of("UTC"), List.of(new WorkingWindow(LocalTime.of(9, 0),
                LocalTime.of(17, 0))), Map.of());
        assertThat(utc.deadline(java.time.Instant.parse("2026-11-27T16:00:00Z"), 2, TimeUnit.WORK_HOURS).at())
                .isEqualTo(java.time.Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(utc.deadline(java.time.Instant.parse("2026-11-27T16:00:00Z"), 1, TimeUnit.WORK_DAYS).at())
                .isEqualTo(java.time.Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void rejectsOverlappingWindowsAndDaysOutsideTheirYear() {
        assertThatThrownBy(() -> new WorkingCalendar(ZoneId.of("UTC"), List.of(WorkingWindow.parse("08:00-12:00"),
                WorkingWindow.parse("11:00-13:00")), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar(ZoneId.of("UTC"), WorkingCalendar.DEFAULT_WINDOWS,
                Map.of(2026, List.of(new ListedDay(LocalDate.of(2027, 6, 1), "端午节", true)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingWindow.parse("12:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
